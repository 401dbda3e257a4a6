package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: a private method cannot be called by the generated handler. */
class PrivateMethodTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.PrivateMethodTest$Bad#uploaded(String)",
                    "must not be private"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        private void uploaded(@SystemVar("object") String object) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
