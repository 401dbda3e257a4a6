package io.quarkiverse.alioss.runtime.callback.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Against a real redis-server. Two stores on two Vert.x instances, each with its own Redis connection, stand for two
 * instances (replicas) of one application.
 */
@ExtendWith(RedisServerInstalled.class)
class RedisTokenStoreTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration AWAIT = Duration.ofSeconds(10);

    @TempDir
    static Path directory;

    static LocalRedisServer server;
    static Vertx firstVertx;
    static Vertx secondVertx;
    static RedisTokenStore first;
    static RedisTokenStore second;

    @BeforeAll
    static void startRedisAndTwoInstances() throws Exception {
        server = LocalRedisServer.start(directory);
        firstVertx = Vertx.vertx();
        secondVertx = Vertx.vertx();
        first = new RedisTokenStore(Redis.createClient(firstVertx, server.uri()), "test-token:", TIMEOUT);
        second = new RedisTokenStore(Redis.createClient(secondVertx, server.uri()), "test-token:", TIMEOUT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (firstVertx != null) {
            firstVertx.closeAndAwait();
        }
        if (secondVertx != null) {
            secondVertx.closeAndAwait();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTokenIsClaimedOnceAcrossInstances() {
        String id = newId();
        Instant expiry = Instant.now().plusSeconds(60);

        assertThat(claim(first, id, expiry)).as("first claim").isTrue();
        assertThat(claim(first, id, expiry)).as("second claim at the same instance").isFalse();
        assertThat(claim(second, id, expiry)).as("claim at another instance").isFalse();
        assertThat(claim(second, newId(), expiry)).as("another token").isTrue();
    }

    @Test
    void aReleasedTokenCanBeClaimedAgainAtAnyInstance() {
        String id = newId();
        Instant expiry = Instant.now().plusSeconds(60);
        claim(first, id, expiry);

        first.release(id).await().atMost(AWAIT);

        assertThat(claim(second, id, expiry)).isTrue();
        assertThat(claim(first, id, expiry)).isFalse();
    }

    @Test
    void aClaimHoldsUntilTheTokenExpires() throws InterruptedException {
        String id = newId();
        Instant expiry = Instant.now().plusSeconds(1);

        assertThat(claim(first, id, expiry)).isTrue();
        assertThat(claim(second, id, expiry)).as("before the expiry").isFalse();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 100);

        assertThat(claim(second, id, Instant.now().plusSeconds(60))).as("after the expiry").isTrue();
    }

    @Test
    void aRedisThatDoesNotAnswerFailsTheClaimWithinTheTimeout() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RedisTokenStore impatient = new RedisTokenStore(Redis.createClient(vertx, server.uri()), "test-token:",
                    Duration.ofMillis(300));
            claim(impatient, newId(), Instant.now().plusSeconds(60)); // connected before the server hangs
            server.pause();
            try {
                assertThatThrownBy(() -> claim(impatient, newId(), Instant.now().plusSeconds(60)))
                        .isInstanceOf(CallbackTokenStoreUnavailableException.class)
                        .hasMessageContaining("quarkus.oss.callback.token.redis.timeout");
                assertThatThrownBy(() -> impatient.release(newId()).await().atMost(AWAIT))
                        .isInstanceOf(CallbackTokenStoreUnavailableException.class);
            } finally {
                server.resume();
            }
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void aStoppedRedisFailsTheClaimInsteadOfGrantingIt() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (LocalRedisServer doomed = LocalRedisServer.start(directory)) {
            Redis client = Redis.createClient(vertx, doomed.uri());
            RedisTokenStore store = new RedisTokenStore(client, "test-token:", TIMEOUT);
            assertThat(claim(store, newId(), Instant.now().plusSeconds(60))).isTrue();

            doomed.stop();

            assertThatThrownBy(() -> claim(store, newId(), Instant.now().plusSeconds(60)))
                    .isInstanceOf(CallbackTokenStoreUnavailableException.class);
            assertThatThrownBy(() -> store.release(newId()).await().atMost(AWAIT))
                    .isInstanceOf(CallbackTokenStoreUnavailableException.class);
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static boolean claim(RedisTokenStore store, String id, Instant expiry) {
        return store.claim(id, expiry).await().atMost(AWAIT);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
