package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * The README's production set-up without a token secret: OSS signs every callback with a key shared by all OSS
 * customers, so the packaged application must refuse to start rather than accept callbacks anyone can forge.
 */
class CallbackMethodsNeedATokenSecretInProductionTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = OneCallbackApp.named("callbacks-without-secret")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void startFailsNamingTheSecretKey() {
        assertThat(TEST.getExitCode()).as("exit code of the prod-mode application").isNotZero();
        assertThat(TEST.getStartupConsoleOutput())
                .contains("quarkus.oss.callback.token.secret: is required outside dev and test mode")
                .contains("quarkus.oss.callback.token.enabled=false");
    }
}
