package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * A key fetched over plain http can be swapped on the way, and with it every callback signature: a packaged
 * application configured to trust one does not start.
 */
class FetchedHttpKeyUrlFailsProductionStartTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("http-key-url")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", "http://keys.example.com/callback.pem")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void startFailsNamingTheKey() {
        assertThat(TEST.getExitCode()).as("exit code of the prod-mode application").isNotZero();
        assertThat(TEST.getStartupConsoleOutput()).contains("quarkus.oss.callback.trusted-key-urls: must be an https"
                + " URL, got 'http://keys.example.com/callback.pem'");
    }
}
