package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/** Switching the token off is possible, explicitly, and then every start says what that allows. */
class SwitchedOffTokenWarnsAtEveryStartTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = OneCallbackApp.named("callbacks-token-off")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false")
            .setRun(true);

    @Test
    void startsAndWarns() {
        assertThat(TEST.getStartupConsoleOutput())
                .contains("WARN")
                .contains("OSS callback tokens are switched off (quarkus.oss.callback.token.enabled=false): any OSS"
                        + " customer can have OSS send this application's callback routes signed callbacks")
                .contains("started in");
    }
}
