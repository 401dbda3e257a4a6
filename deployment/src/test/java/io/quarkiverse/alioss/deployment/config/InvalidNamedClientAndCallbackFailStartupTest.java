package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class InvalidNamedClientAndCallbackFailStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.backup.endpoint", "http://127.0.0.1:9000")
            .overrideConfigKey("quarkus.oss.backup.region", "cn-beijing")
            .overrideConfigKey("quarkus.oss.backup.credentials.type", "static")
            .overrideConfigKey("quarkus.oss.backup.credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.callback.base-url", "callbacks.example.com")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.backup.credentials.access-key-secret: is required",
                    "quarkus.oss.callback.base-url: must start with http:// or https://"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
