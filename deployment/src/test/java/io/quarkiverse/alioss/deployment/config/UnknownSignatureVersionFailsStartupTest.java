package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Only v1 and v4 exist; a typo must not silently pick one. */
class UnknownSignatureVersionFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.applicationWithValidDefaultClient()
            .overrideConfigKey("quarkus.oss.signature-version", "v3")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.signature-version: must be 'v4' or 'v1', got 'v3'"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
