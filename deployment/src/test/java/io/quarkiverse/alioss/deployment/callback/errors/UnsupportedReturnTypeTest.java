package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/** The build fails, naming the method: a Multi return (one JSON reply is needed). */
class UnsupportedReturnTypeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.UnsupportedReturnTypeTest$Bad#uploaded(String)",
                    "unsupported return type"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a")
        Multi<String> uploaded(@SystemVar("object") String object) {
            return Multi.createFrom().item(object);
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
