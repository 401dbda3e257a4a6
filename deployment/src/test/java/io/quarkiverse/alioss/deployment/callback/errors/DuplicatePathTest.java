package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: two callbacks on one path. */
class DuplicatePathTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.DuplicatePathTest$Bad#second(String)",
                    "uses the path /oss/same already used by io.quarkiverse.alioss.deployment.callback.errors.DuplicatePathTest$Bad#first(String)"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/same", name = "one")
        void first(@SystemVar("object") String object) {
        }

        @OssCallback(path = "/oss/same", name = "two")
        void second(@SystemVar("object") String object) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
