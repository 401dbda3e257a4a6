package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: a parameter type the values cannot be converted to. */
class UnsupportedParameterTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.UnsupportedParameterTypeTest$Bad#uploaded(Date)",
                    "has an unsupported type"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        void uploaded(@SystemVar("size") Date size) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
