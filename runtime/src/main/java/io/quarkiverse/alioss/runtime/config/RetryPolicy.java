package io.quarkiverse.alioss.runtime.config;

import java.time.Duration;

/**
 * How often and how patiently a failed request is retried: exponential backoff from {@code initialBackoff},
 * doubling per retry, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * @param retry 1 for the first retry (the second attempt), 2 for the next, ...
     * @return how long to wait before that retry
     */
    public Duration backoffBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, got " + retry);
        }
        Duration backoff = initialBackoff;
        for (int i = 1; i < retry && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
