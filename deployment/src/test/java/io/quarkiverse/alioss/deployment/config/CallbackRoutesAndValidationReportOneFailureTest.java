package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code @OssCallback} routes, two run-time init steps read the callback settings (the routes and the start-up
 * validation) in no fixed order. They read one resolution, so the start fails with the whole validation's message,
 * client problems included, whichever step reads first.
 */
class CallbackRoutesAndValidationReportOneFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .withApplicationRoot(jar -> jar.addClasses(OneCallbackApp.Avatars.class))
            .overrideConfigKey("quarkus.oss.backup.endpoint", "backup.example.com")
            .overrideConfigKey("quarkus.oss.callback.base-url", "callbacks.example.com")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.backup.endpoint: must start with http:// or https://",
                    "quarkus.oss.callback.base-url: must start with http:// or https://"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
