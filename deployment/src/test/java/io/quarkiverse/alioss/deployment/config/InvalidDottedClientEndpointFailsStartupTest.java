package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A client name with a dot is quoted in the key the message names, so that it can be copied back. */
class InvalidDottedClientEndpointFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.\"backup.eu\".endpoint", "ftp://backup.example.com")
            .overrideConfigKey("quarkus.oss.\"backup.eu\".region", "eu-central-1")
            .overrideConfigKey("quarkus.oss.\"backup.eu\".credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.\"backup.eu\".credentials.access-key-secret", "secret")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.\"backup.eu\".endpoint: must start with http:// or https://, "
                            + "got 'ftp://backup.example.com'"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
