package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * OSS signs every callback with one key shared by all OSS customers, so in production an application with
 * {@code @OssCallback} methods and no token secret would accept callbacks anyone can forge: its start fails, naming the
 * secret and the explicit way out, although the token was never mentioned in its configuration.
 */
class CallbackMethodsWithoutSecretFailProdStartupTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClass(Uploads.class))
            .setApplicationName("callbacks-without-secret")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .setRun(true)
            .setExpectExit(true);

    @ApplicationScoped
    public static class Uploads {
        @OssCallback(path = "/oss/uploaded", name = "uploaded")
        public void uploaded(@SystemVar("object") String object) {
        }
    }

    @Test
    void startFailsNamingTheSecretAndTheSwitch() {
        assertThat(TEST.getExitCode()).as("exit code of the prod-mode application").isNotZero();
        assertThat(TEST.getStartupConsoleOutput())
                .contains("quarkus.oss.callback.token.secret: is required outside dev and test mode")
                .contains("or set quarkus.oss.callback.token.enabled=false to accept callbacks anyone can forge");
    }
}
