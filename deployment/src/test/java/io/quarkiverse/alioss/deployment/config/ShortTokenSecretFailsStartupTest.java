package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A short callback token secret is guessable; the message must not show it. */
class ShortTokenSecretFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.callback.token.secret", "too-short-secret-value")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.callback.token.secret: must be at least 32 characters long")
                    .andThen(StartupFailures.mentioningNowhere("too-short-secret-value")));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
