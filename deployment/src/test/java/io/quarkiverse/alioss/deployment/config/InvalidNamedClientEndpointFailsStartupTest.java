package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A named client's endpoint is checked like the default one's, and the message names the named key. */
class InvalidNamedClientEndpointFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.\"backup\".endpoint", "backup.example.com")
            .overrideConfigKey("quarkus.oss.\"backup\".region", "cn-beijing")
            .overrideConfigKey("quarkus.oss.\"backup\".credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.\"backup\".credentials.access-key-secret", "secret")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.backup.endpoint: must start with http:// or https://, got 'backup.example.com'"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
