package io.quarkiverse.alioss.runtime.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.runtime.backoff.ExponentialBackoff;

/**
 * When and how long to wait before repeating a failed request: throttling, 5xx, timeouts and connection errors are
 * retried with exponential backoff and "equal jitter" (half of the exponential delay is fixed, half random), so that
 * many clients failing together do not retry together.
 *
 * <p>
 * The one retry type: configured clients ({@code quarkus.oss.retry.*}) and clients built in code use it alike.
 *
 * @param maxAttempts how many times a request is sent at most, the first attempt included; 1 disables retrying
 * @param initialBackoff delay cap before the first retry
 * @param maxBackoff upper bound of any delay
 */
public record RetryStrategy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Codes OSS uses for transient conditions that may also come with a 4xx status. */
    private static final Set<String> TRANSIENT_CODES = Set.of("Throttling", "RequestTimeout", "ServiceUnavailable",
            "InternalError", "ConnectionError", "SlowDown", "TooManyRequests");

    /** The documented defaults of {@code quarkus.oss.retry.*}, also for clients built in code. */
    public static final RetryStrategy DEFAULT = new RetryStrategy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    public static final RetryStrategy NONE = new RetryStrategy(1, Duration.ZERO, Duration.ZERO);

    public RetryStrategy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        new ExponentialBackoff(initialBackoff, maxBackoff); // checks the durations
    }

    /** Retries after the first attempt; 0 when retrying is off. */
    public int maxRetries() {
        return maxAttempts - 1;
    }

    /** Whether a request that failed with {@code failure} may be sent again (if its body can be replayed). */
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof OssCallbackFailedException) {
            return false; // the object is stored; repeating would store it again and call back twice
        }
        if (failure instanceof OssException oss) {
            int status = oss.status();
            return status == 429 || status >= 500 || TRANSIENT_CODES.contains(oss.code());
        }
        return false;
    }

    /**
     * Delay before retry number {@code retry} (1 for the first retry): uniformly random in
     * {@code [cap/2, cap]} where {@code cap = min(maxBackoff, initialBackoff * 2^(retry-1))}.
     */
    public Duration delayBeforeRetry(int retry) {
        long cap = capMillis(retry);
        if (cap <= 0) {
            return Duration.ZERO;
        }
        long half = cap / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
    }

    long capMillis(int retry) {
        return new ExponentialBackoff(initialBackoff, maxBackoff).after(retry).toMillis();
    }
}
