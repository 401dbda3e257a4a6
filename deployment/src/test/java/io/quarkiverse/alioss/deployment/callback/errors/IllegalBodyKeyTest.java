package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build fails, naming the method: OSS would read a {@code $} in a body key as the start of a variable, so the
 * callback body would not be what the method reads. This used to fail only at start-up, naming the callback.
 */
class IllegalBodyKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "@OssCallback method io.quarkiverse.alioss.deployment.callback.errors.IllegalBodyKeyTest$Bad"
                            + "#uploaded(String) parameter 0 (java.lang.String) has the body key \"a$b\", which OSS"
                            + " would read as a variable: use a key without '$'"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        void uploaded(@CallbackVar(value = "user", key = "a$b") String user) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
