package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A callback key fetched over plain http can be replaced on the way; even in test mode only loopback hosts (the
 * emulator's, the tests' key servers) may serve it over http.
 */
class PlainHttpKeyUrlFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls",
                    "http://127.0.0.1:9/local.pem,http://keys.example.com/callback.pem")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.callback.trusted-key-urls: must be an https URL, got"
                            + " 'http://keys.example.com/callback.pem'")
                    .andThen(StartupFailures.mentioningNowhere("127.0.0.1:9")));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
