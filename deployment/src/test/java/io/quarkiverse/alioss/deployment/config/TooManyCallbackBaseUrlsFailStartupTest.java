package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** OSS calls at most five callback URLs, so a sixth would never be called. */
class TooManyCallbackBaseUrlsFailStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://a.example.com,https://b.example.com,"
                    + "https://c.example.com,https://d.example.com,https://e.example.com,https://f.example.com")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.callback.base-url: lists 6 URLs, but OSS calls at most 5"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
