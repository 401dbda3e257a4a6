package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A callback token that expires at once would refuse every callback. */
class NonPositiveTokenTtlFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.callback.token.ttl", "0s")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.callback.token.ttl: must be positive, got PT0S"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
