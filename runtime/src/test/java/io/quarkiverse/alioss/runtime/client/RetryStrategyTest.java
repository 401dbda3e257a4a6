package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;

class RetryStrategyTest {

    private final RetryStrategy policy = new RetryStrategy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void backoffDoublesAndStaysWithinHalfToFullOfItsCap() {
        long[] caps = { 100, 200, 400, 800, 1000, 1000 };
        for (int retry = 1; retry <= caps.length; retry++) {
            assertThat(policy.capMillis(retry)).isEqualTo(caps[retry - 1]);
            for (int i = 0; i < 200; i++) {
                long delay = policy.delayBeforeRetry(retry).toMillis();
                assertThat(delay).isBetween(caps[retry - 1] / 2, caps[retry - 1]);
            }
        }
    }

    @Test
    void attemptsCountTheFirstOne() {
        assertThat(policy.maxRetries()).isEqualTo(5);
        assertThat(RetryStrategy.NONE.maxRetries()).isZero();
    }

    @Test
    void backoffIsJittered() {
        long first = policy.delayBeforeRetry(4).toMillis();
        boolean differs = false;
        for (int i = 0; i < 50 && !differs; i++) {
            differs = policy.delayBeforeRetry(4).toMillis() != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void hugeRetryNumbersDoNotOverflow() {
        assertThat(policy.capMillis(100)).isEqualTo(1000);
        assertThat(new RetryStrategy(101, Duration.ofDays(1), Duration.ofDays(365)).capMillis(60))
                .isEqualTo(Duration.ofDays(365).toMillis());
    }

    @Test
    void retriesThrottlingServerErrorsTimeoutsAndConnectionErrors() {
        assertThat(policy.isRetryable(error(503, "ServiceUnavailable"))).isTrue();
        assertThat(policy.isRetryable(error(500, "InternalError"))).isTrue();
        assertThat(policy.isRetryable(error(429, "Throttling"))).isTrue();
        assertThat(policy.isRetryable(error(0, "RequestTimeout"))).isTrue();
        assertThat(policy.isRetryable(error(0, "ConnectionError"))).isTrue();
    }

    @Test
    void doesNotRetryClientErrorsOrCallbackFailures() {
        assertThat(policy.isRetryable(error(403, "SignatureDoesNotMatch"))).isFalse();
        assertThat(policy.isRetryable(error(404, "NoSuchKey"))).isFalse();
        assertThat(policy.isRetryable(error(0, "ClientError"))).isFalse();
        assertThat(policy.isRetryable(new IllegalStateException("x"))).isFalse();
        assertThat(policy.isRetryable(new OssCallbackFailedException("Error status : 502.", "R", null, null, "PUT",
                "k", "E", 1L))).isFalse();
    }

    @Test
    void rejectsNegativeSettings() {
        assertThatThrownBy(() -> new RetryStrategy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryStrategy(1, Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("backoff");
    }

    private static OssException error(int status, String code) {
        return new OssException(status, code, "m", null, null, null, "PUT", "k", null);
    }
}
