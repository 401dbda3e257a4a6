package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * Base URLs OSS will not (or should not) call start the application, since a proxy may stand in between, but say why
 * each one is a problem: OSS does not call loopback or private addresses, and plain http travels unencrypted.
 */
class LoopbackBaseUrlWarnsInProductionTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = OneCallbackApp.named("callbacks-loopback-base-url")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "base-url-test-secret-0123456789abcdef")
            .overrideConfigKey("quarkus.oss.callback.base-url",
                    "http://127.0.0.1:8080,https://10.1.2.3,https://[fd00::1],http://app.example.com")
            .setRun(true);

    @Test
    void startsAndWarnsForEachUrlOssCannotUseSafely() {
        String output = TEST.getStartupConsoleOutput();
        assertThat(output).contains("started in");
        assertThat(output)
                .contains("quarkus.oss.callback.base-url=http://127.0.0.1:8080 is a loopback or private address")
                .contains("quarkus.oss.callback.base-url=https://10.1.2.3 is a loopback or private address")
                .contains("quarkus.oss.callback.base-url=https://[fd00::1] is a loopback or private address")
                .contains("quarkus.oss.callback.base-url=http://app.example.com is plain http");
    }
}
