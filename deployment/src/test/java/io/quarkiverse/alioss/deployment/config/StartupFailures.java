package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Finds the configuration failure in whatever wrapping the start-up failure comes in. */
final class StartupFailures {

    private StartupFailures() {
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

    /** Fails when {@code text} (a secret) appears in any message of the cause chain. */
    static Consumer<Throwable> mentioningNowhere(String text) {
        return thrown -> {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(text);
            }
        };
    }
}
