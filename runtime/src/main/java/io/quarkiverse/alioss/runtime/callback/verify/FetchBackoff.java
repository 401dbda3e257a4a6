package io.quarkiverse.alioss.runtime.callback.verify;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import io.quarkiverse.alioss.runtime.backoff.ExponentialBackoff;

/**
 * Remembers failed key fetches per URL so that unauthenticated callbacks cannot make the application fetch again and
 * again: after a failure no fetch for {@link #FIRST_DELAY}, doubling with each further failure up to
 * {@link #MAX_DELAY}; a success forgets the failures. Holds at most one entry per trusted URL.
 */
final class FetchBackoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    private static final ExponentialBackoff DELAYS = new ExponentialBackoff(FIRST_DELAY, MAX_DELAY);

    /** Monotonic nanoseconds ({@link System#nanoTime()}): wall-clock jumps must not stretch or skip a delay. */
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Failure> failures = new ConcurrentHashMap<>();

    FetchBackoff(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Why {@code url} must not be fetched now, or empty when it may be. */
    Optional<String> refusal(String url) {
        Failure failure = failures.get(url);
        if (failure == null) {
            return Optional.empty();
        }
        long waitNanos = failure.retryAtNanos - nanoTime.getAsLong();
        if (waitNanos <= 0) {
            return Optional.empty();
        }
        return Optional.of("not fetching " + url + " again for " + Duration.ofNanos(waitNanos).toMillis()
                + " ms after a failed fetch (" + failure.reason + ")");
    }

    /** Records a failed fetch: the next one waits twice as long as after the previous failure. */
    void failed(String url, String reason) {
        long now = nanoTime.getAsLong();
        failures.compute(url, (u, previous) -> {
            int count = previous == null ? 1 : Math.min(previous.count + 1, 64);
            return new Failure(now + DELAYS.after(count).toNanos(), count, reason);
        });
    }

    void succeeded(String url) {
        failures.remove(url);
    }

    private static final class Failure {
        final long retryAtNanos;
        final int count;
        final String reason;

        Failure(long retryAtNanos, int count, String reason) {
            this.retryAtNanos = retryAtNanos;
            this.count = count;
            this.reason = reason;
        }
    }
}
