package io.quarkiverse.alioss.runtime.callback.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.callback.TestCallbackSigner;
import io.vertx.mutiny.core.Vertx;

/** Failed fetches are remembered per URL with a growing wait, timed by a test clock; a local key server counts. */
class RemoteKeyCacheBackoffTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    final TestCallbackSigner signer = new TestCallbackSigner();
    final AtomicInteger keyRequests = new AtomicInteger();
    final AtomicBoolean serverFails = new AtomicBoolean(true);
    final AtomicLong now = new AtomicLong();
    Vertx vertx;
    String keyUrl;
    RemoteKeyCache cache;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        int port = vertx.createHttpServer().requestHandler(request -> {
            keyRequests.incrementAndGet();
            if (serverFails.get()) {
                request.response().setStatusCode(503).endAndForget("busy");
            } else {
                request.response().endAndForget(signer.pem());
            }
        }).listenAndAwait(0, "127.0.0.1").actualPort();
        keyUrl = "http://127.0.0.1:" + port + "/key.pem";
        cache = new RemoteKeyCache(vertx, Duration.ofSeconds(3), now::get);
    }

    @AfterEach
    void stop() {
        vertx.closeAndAwait();
    }

    @Test
    void noRequestWhileBackingOffThenOneFetchAfterIt() {
        assertFetchFails("HTTP 503");
        assertThat(keyRequests).hasValue(1);

        for (int i = 0; i < 20; i++) {
            assertFetchFails("not fetching");
        }
        advance(Duration.ofMillis(999));
        assertFetchFails("not fetching");
        assertThat(keyRequests).as("requests while backing off").hasValue(1);

        advance(Duration.ofMillis(1));
        assertFetchFails("HTTP 503");
        assertThat(keyRequests).hasValue(2);

        // the second failure doubles the wait to 2 s
        advance(Duration.ofMillis(1999));
        serverFails.set(false);
        assertFetchFails("not fetching");
        assertThat(keyRequests).hasValue(2);

        advance(Duration.ofMillis(1));
        assertThat(cache.get(keyUrl).await().atMost(WAIT)).isEqualTo(signer.publicKey());
        assertThat(keyRequests).hasValue(3);
        assertThat(cache.get(keyUrl).await().atMost(WAIT)).isEqualTo(signer.publicKey());
        assertThat(keyRequests).as("a fetched key is kept").hasValue(3);
    }

    @Test
    void backingOffIsPerUrl() {
        assertFetchFails("HTTP 503");
        serverFails.set(false);
        String other = keyUrl.replace("/key.pem", "/other.pem");

        assertThat(cache.get(other).await().atMost(WAIT)).isEqualTo(signer.publicKey());
        assertFetchFails("not fetching");
        assertThat(keyRequests).hasValue(2);
    }

    private void assertFetchFails(String messagePart) {
        assertThatThrownBy(() -> cache.get(keyUrl).await().atMost(WAIT))
                .isInstanceOf(RemoteKeyCache.KeyFetchException.class)
                .hasMessageContaining(messagePart);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
