package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build fails, naming the method: OSS refuses every upload whose {@code callbackHost} is a URL rather than a host,
 * so the mistake would otherwise surface only as failed uploads.
 */
class IllegalCallbackHostTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "io.quarkiverse.alioss.deployment.callback.errors.IllegalCallbackHostTest$Bad#uploaded(String)",
                    "declares callbackHost \"https://cb.example.com\", which OSS refuses"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/a", callbackHost = "https://cb.example.com")
        void uploaded(@SystemVar("object") String object) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
