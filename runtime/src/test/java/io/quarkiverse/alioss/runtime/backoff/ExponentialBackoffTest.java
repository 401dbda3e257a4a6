package io.quarkiverse.alioss.runtime.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private final ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void doublesFromTheFirstDelayUpToTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void hugeFailureCountsDoNotOverflowBelowTheCap() {
        ExponentialBackoff longDelays = new ExponentialBackoff(Duration.ofDays(1), Duration.ofDays(30));
        assertThat(longDelays.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(30));
        assertThat(backoff.after(0)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("must not be negative");
    }
}
