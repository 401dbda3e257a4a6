package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.UploadOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.core.Vertx;

/**
 * Every blocking call has an upper bound on its wait: against an OSS that accepts requests and never answers (the
 * read timeout of 60 s would let it wait that long), the call fails once its own bound passes, naming the key.
 */
class BlockingTimeoutsTest {

    private final Vertx silentVertx = Vertx.vertx();
    private final Vertx clientVertx = Vertx.vertx();
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer silent;

    @BeforeEach
    void startSilentServer() throws Exception {
        silent = silentVertx.getDelegate().createHttpServer().requestHandler(request -> received.incrementAndGet())
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        clientVertx.closeAndAwait();
        silentVertx.closeAndAwait();
    }

    private OssClient client(Duration call, Duration transfer) {
        ClientOptions options = ClientOptions.of(URI.create("http://127.0.0.1:" + silent.actualPort()), "bkt", true,
                new CountingSigner(), CountingSigner.CREDENTIALS).withBlockingTimeouts(call, transfer);
        assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        return new BlockingOssClient(new VertxReactiveOssClient(clientVertx, options));
    }

    @Test
    void callWithoutAnAnswerFailsAfterTheBlockingTimeoutNamingTheKey() {
        OssClient client = client(Duration.ofMillis(300), Duration.ofMinutes(5));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.headObject("k")).isInstanceOfSatisfying(OssException.class, e -> {
            assertThat(e.code()).isEqualTo("ClientTimeout");
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("quarkus.oss.blocking-timeout").contains("PT0.3S");
        });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(received).hasValue(1);
    }

    @Test
    void transferHasItsOwnBound() {
        OssClient client = client(Duration.ofMinutes(5), Duration.ofMillis(300));

        assertThatThrownBy(() -> client.putObject("k", "x".getBytes(StandardCharsets.UTF_8), UploadOptions.DEFAULTS))
                .isInstanceOfSatisfying(OssException.class, e -> {
                    assertThat(e.code()).isEqualTo("ClientTimeout");
                    assertThat(e.getMessage()).contains("quarkus.oss.blocking-transfer-timeout");
                });
    }

    @Test
    void codeBuiltClientsGetTheDocumentedDefaults() {
        ClientOptions options = ClientOptions.of(URI.create("http://127.0.0.1:1"), "bkt", true, new CountingSigner(),
                CountingSigner.CREDENTIALS);
        assertThat(options.blockingTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.blockingTransferTimeout()).isEqualTo(Duration.ofHours(1));
    }
}
