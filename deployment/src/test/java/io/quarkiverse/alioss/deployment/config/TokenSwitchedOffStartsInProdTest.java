package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The documented escape hatch: with {@code quarkus.oss.callback.token.enabled=false} an application with
 * {@code @OssCallback} methods starts in production without a secret, and says at every start what that costs.
 */
class TokenSwitchedOffStartsInProdTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClass(Uploads.class))
            .setApplicationName("callbacks-token-off")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false")
            .setRun(true);

    @ApplicationScoped
    public static class Uploads {
        @OssCallback(path = "/oss/uploaded", name = "uploaded")
        public void uploaded(@SystemVar("object") String object) {
        }
    }

    @Test
    void startsAndWarnsThatCallbacksCanBeForged() {
        assertThat(TEST.getStartupConsoleOutput())
                .contains("OSS callback tokens are switched off (quarkus.oss.callback.token.enabled=false): any OSS"
                        + " customer can have OSS send this application's callback routes signed callbacks")
                .contains("started in");
    }
}
