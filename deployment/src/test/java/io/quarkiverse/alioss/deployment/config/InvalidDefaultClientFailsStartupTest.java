package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class InvalidDefaultClientFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", "oss-cn-hangzhou.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "start-up-secret")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.endpoint: must start with http:// or https://, got 'oss-cn-hangzhou.aliyuncs.com'",
                    "quarkus.oss.region: is required for signature V4")
                    .andThen(StartupFailures.mentioningNowhere("start-up-secret")));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
