package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * A packaged application with callback methods and no callback base URL: its templates have no URL for OSS to call,
 * so the start fails naming the key instead of the first upload failing.
 */
class CallbackMethodsNeedABaseUrlInProductionTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = OneCallbackApp.named("callbacks-without-base-url")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "base-url-test-secret-0123456789abcdef")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void startFailsNamingTheBaseUrlKey() {
        assertThat(TEST.getExitCode()).as("exit code of the prod-mode application").isNotZero();
        assertThat(TEST.getStartupConsoleOutput())
                .contains("quarkus.oss.callback.base-url: is required outside dev and test mode");
    }
}
