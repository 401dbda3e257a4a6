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
            .assertException(StartupFailures.conversionFailureNaming(
                    "quarkus.oss.signature-version", "v3", "v4", "v1"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
