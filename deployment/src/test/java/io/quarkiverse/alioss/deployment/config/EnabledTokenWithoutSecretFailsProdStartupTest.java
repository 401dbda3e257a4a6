package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * In production a callback token secret cannot be generated per start (tokens would break across restarts and
 * instances), so switching the token on without one must stop the start, even in an application without callback
 * methods (see {@link CallbackMethodsWithoutSecretFailProdStartupTest} for the rule without the switch). Dev and
 * test mode generate a secret, so only a real prod-mode run (a packaged application in its own JVM) shows the rule.
 */
class EnabledTokenWithoutSecretFailsProdStartupTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("token-without-secret")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "true")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void startFailsNamingTheSecretKey() {
        assertThat(TEST.getExitCode()).as("exit code of the prod-mode application").isNotZero();
        assertThat(TEST.getStartupConsoleOutput())
                .contains("quarkus.oss.callback.token.secret: is required outside dev and test mode: OSS signs every"
                        + " callback with a key shared by all OSS customers");
    }
}
