package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An unknown credentials type names the allowed ones. */
class UnknownCredentialsTypeFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.applicationWithValidDefaultClient()
            .overrideConfigKey("quarkus.oss.credentials.type", "vault")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.credentials.type: must be one of 'static', 'environment', 'custom', "
                            + "'credentials-provider', got 'vault'"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
