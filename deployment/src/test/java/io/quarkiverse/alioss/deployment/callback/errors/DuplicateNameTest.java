package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** The build fails, naming the method: two callbacks with one name. */
class DuplicateNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.DuplicateNameTest$Bad#second(String)",
                    "uses the name \"avatar\" already used by io.quarkiverse.alioss.deployment.callback.errors.DuplicateNameTest$Bad#first(String)"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/one", name = "avatar")
        void first(@SystemVar("object") String object) {
        }

        @OssCallback(path = "/oss/two", name = "avatar")
        void second(@SystemVar("object") String object) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
