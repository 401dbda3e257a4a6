package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A packaged application with callback methods and no callback base URL: its templates have no URL for OSS to call,
 * so the start fails naming the key instead of the first upload failing.
 */
class CallbackMethodsNeedABaseUrlInProductionTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Avatars.class))
            .setApplicationName("callbacks-without-base-url")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "base-url-test-secret-0123456789abcdef")
            .setRun(true)
            .setExpectExit(true);

    @ApplicationScoped
    public static class Avatars {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        public String uploaded(@SystemVar("object") String object) {
            return object;
        }
    }

    @Test
    void startFailsNamingTheBaseUrlKey() {
        assertThat(TEST.getExitCode()).as("exit code of the prod-mode application").isNotZero();
        assertThat(TEST.getStartupConsoleOutput())
                .contains("quarkus.oss.callback.base-url: is required outside dev and test mode");
    }
}
