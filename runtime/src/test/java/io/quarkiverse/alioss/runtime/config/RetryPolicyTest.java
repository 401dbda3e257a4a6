package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1));

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(policy.backoffBefore(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBefore(1000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryNumbersStartAtOne() {
        assertThatThrownBy(() -> policy.backoffBefore(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retry must be at least 1");
    }
}
