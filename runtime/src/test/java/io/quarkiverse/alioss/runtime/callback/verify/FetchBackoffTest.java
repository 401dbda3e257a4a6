package io.quarkiverse.alioss.runtime.callback.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class FetchBackoffTest {

    static final String URL = "https://keys.example/a.pem";

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final FetchBackoff backoff = new FetchBackoff(now::get);

    @Test
    void aUrlThatNeverFailedMayBeFetched() {
        assertThat(backoff.refusal(URL)).isEmpty();
    }

    @Test
    void firstFailureRefusesForOneSecond() {
        backoff.failed(URL, "HTTP 500");

        assertThat(backoff.refusal(URL)).hasValueSatisfying(message -> assertThat(message)
                .contains(URL).contains("1000 ms").contains("HTTP 500"));
        advance(Duration.ofMillis(999));
        assertThat(backoff.refusal(URL)).isPresent();
        advance(Duration.ofMillis(1));
        assertThat(backoff.refusal(URL)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToOneMinute() {
        long[] expectedSeconds = { 1, 2, 4, 8, 16, 32, 60, 60 };
        for (long seconds : expectedSeconds) {
            backoff.failed(URL, "timed out");
            assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void successForgetsEarlierFailures() {
        backoff.failed(URL, "x");
        advance(Duration.ofSeconds(1));
        backoff.failed(URL, "x");
        advance(Duration.ofSeconds(2));
        backoff.succeeded(URL);
        assertThat(backoff.refusal(URL)).isEmpty();

        backoff.failed(URL, "x");
        assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void urlsBackOffIndependently() {
        backoff.failed(URL, "x");
        assertThat(backoff.refusal("https://keys.example/b.pem")).isEmpty();
    }

    /** How long the URL stays refused from now, found by moving the clock; leaves the clock at the end of the wait. */
    private Duration waitAfterFailure() {
        long start = now.get();
        while (backoff.refusal(URL).isPresent()) {
            advance(Duration.ofMillis(250));
        }
        return Duration.ofNanos(now.get() - start);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
