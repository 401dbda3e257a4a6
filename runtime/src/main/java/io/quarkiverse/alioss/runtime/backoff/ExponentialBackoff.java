package io.quarkiverse.alioss.runtime.backoff;

import java.time.Duration;

/**
 * The one exponential backoff of the runtime: the delay after the {@code n}-th failure is {@code first * 2^(n-1)}, capped
 * at {@code max}. Client retries add jitter below this cap; key fetches wait it exactly.
 *
 * @param first the delay after the first failure
 * @param max the largest delay
 */
public record ExponentialBackoff(Duration first, Duration max) {

    public ExponentialBackoff {
        if (first.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /** The delay after failure number {@code failures} (1 for the first); never more than {@link #max()}. */
    public Duration after(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 62);
        long firstNanos = first.toNanos();
        long exponential = firstNanos << shift;
        if (exponential < 0 || exponential >> shift != firstNanos) {
            return max; // overflow
        }
        return exponential < max.toNanos() ? Duration.ofNanos(exponential) : max;
    }
}
