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
            .assertException(StartupFailures.conversionFailureNaming(
                    "quarkus.oss.credentials.type", "vault", "static", "environment", "custom",
                    "credentials-provider"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
