package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusProdModeTest;

/** Switching the token off is possible, explicitly, and then every start says what that allows. */
class SwitchedOffTokenWarnsAtEveryStartTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Avatars.class))
            .setApplicationName("callbacks-token-off")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false")
            .setRun(true);

    @ApplicationScoped
    public static class Avatars {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        public String uploaded(@SystemVar("object") String object) {
            return object;
        }
    }

    @Test
    void startsAndWarns() {
        assertThat(TEST.getStartupConsoleOutput())
                .contains("WARN")
                .contains("OSS callback tokens are switched off (quarkus.oss.callback.token.enabled=false): any OSS"
                        + " customer can have OSS send this application's callback routes signed callbacks")
                .contains("started in");
    }
}
