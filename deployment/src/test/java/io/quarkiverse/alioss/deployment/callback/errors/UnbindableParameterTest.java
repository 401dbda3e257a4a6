package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: a parameter without binding annotation. */
class UnbindableParameterTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.UnbindableParameterTest$Bad#uploaded(String, String)",
                    "parameter 1 (java.lang.String) is not bindable"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        void uploaded(@SystemVar("object") String object, String unannotated) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
