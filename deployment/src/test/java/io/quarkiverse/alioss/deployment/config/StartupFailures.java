package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.ConfigValidationException;

/** Finds the configuration failure in whatever wrapping the start-up failure comes in. */
final class StartupFailures {

    private StartupFailures() {
    }

    /** An application on a free port with Dev Services off and no OSS client; a test then adds the broken keys. */
    static QuarkusUnitTest application() {
        return new QuarkusUnitTest()
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.oss.devservices.enabled", "false");
    }

    /** {@link #application()} with a valid default client; a test then breaks one of its keys. */
    static QuarkusUnitTest applicationWithValidDefaultClient() {
        return application()
                .overrideConfigKey("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com")
                .overrideConfigKey("quarkus.oss.region", "cn-hangzhou")
                .overrideConfigKey("quarkus.oss.credentials.access-key-id", "id")
                .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "secret");
    }

    static Consumer<Throwable> configurationFailureNaming(String... keysAndFragments) {
        return thrown -> {
            Throwable t = thrown;
            while (t != null && !(t instanceof ConfigurationException)) {
                t = t.getCause();
            }
            assertThat(t).as("a ConfigurationException in the cause chain of %s", thrown)
                    .isInstanceOf(ConfigurationException.class);
            assertThat(t.getMessage()).contains(keysAndFragments);
        };
    }

    /**
     * A value SmallRye Config cannot convert (such as an unknown enum constant) fails the start before the extension
     * validates anything; SmallRye Config's message names the key and the value.
     */
    static Consumer<Throwable> conversionFailureNaming(String key, String value, String... fragments) {
        return thrown -> {
            Throwable t = thrown;
            // thrown by the application's class loader: compared by name
            while (t != null && !t.getClass().getName().equals(ConfigValidationException.class.getName())) {
                t = t.getCause();
            }
            assertThat(t).as("a ConfigValidationException in the cause chain of %s", thrown).isNotNull();
            assertThat(t.getMessage()).contains("The config property " + key + " with the config value \"" + value
                    + "\"").contains(fragments);
        };
    }

    /** Fails when {@code text} (a secret) appears in any message of the cause chain. */
    static Consumer<Throwable> mentioningNowhere(String text) {
        return thrown -> {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(text);
            }
        };
    }
}
