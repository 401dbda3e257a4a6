package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** path-style is auto, true or false; anything else is refused rather than read as false. */
class BadPathStyleFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.applicationWithValidDefaultClient()
            .overrideConfigKey("quarkus.oss.path-style", "sometimes")
            .assertException(StartupFailures.conversionFailureNaming(
                    "quarkus.oss.path-style", "sometimes", "auto", "true", "false"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
