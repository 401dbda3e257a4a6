package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: OSS refuses an empty callback body. */
class NoVariableTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.NoVariableTest$Bad#uploaded()",
                    "binds no variable"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        void uploaded() {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
