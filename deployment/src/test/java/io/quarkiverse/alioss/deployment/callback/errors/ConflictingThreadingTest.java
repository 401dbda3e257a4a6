package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;

/** The build fails, naming the method: contradicting threading annotations. */
class ConflictingThreadingTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.ConflictingThreadingTest$Bad#uploaded(String)",
                    "both @Blocking and @NonBlocking"));

    @ApplicationScoped
    static class Bad {
        @Blocking
        @NonBlocking
        @OssCallback(path = "/oss/a")
        void uploaded(@SystemVar("object") String object) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
