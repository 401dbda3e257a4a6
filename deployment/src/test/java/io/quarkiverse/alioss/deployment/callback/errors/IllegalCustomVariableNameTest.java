package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: a custom variable name OSS would not accept. */
class IllegalCustomVariableNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.IllegalCustomVariableNameTest$Bad#uploaded(String)",
                    "illegal custom variable name \"User-Name\""));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        void uploaded(@CallbackVar("User-Name") String user) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
