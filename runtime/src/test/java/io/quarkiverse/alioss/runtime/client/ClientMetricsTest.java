package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.StubOssServer.Reply;
import io.quarkiverse.alioss.runtime.metrics.micrometer.MicrometerOssMetrics;
import io.vertx.mutiny.core.Vertx;

/**
 * What a client reports to Micrometer: every attempt under its operation and status (none without a response),
 * retries, and the body bytes of every attempt.
 */
class ClientMetricsTest {

    private static final String SERVICE_UNAVAILABLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>ServiceUnavailable</Code><Message>busy</Message><RequestId>R1</RequestId></Error>";

    private StubOssServer stub;
    private VertxReactiveOssClient client;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Vertx vertx = Vertx.vertx();

    @BeforeEach
    void start() throws Exception {
        stub = StubOssServer.start(o -> o);
        ClientOptions options = stub.reactive().options()
                .withRetry(new RetryStrategy(2, Duration.ofMillis(1), Duration.ofMillis(2)));
        client = new VertxReactiveOssClient(vertx, options, new com.fasterxml.jackson.databind.ObjectMapper(),
                new MicrometerOssMetrics(registry).client("archive"));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        stub.close();
        vertx.closeAndAwait();
    }

    @Test
    void aRetriedPutCountsBothAttemptsTheRetryAndTheBytesOfEach() {
        AtomicInteger puts = new AtomicInteger();
        stub.handle(r -> puts.incrementAndGet() == 1
                ? Reply.of(503, Map.of("Content-Type", "application/xml"), SERVICE_UNAVAILABLE)
                : Reply.of(200, Map.of("ETag", "\"E\""), ""));

        client.putObject("k.txt", "hello".getBytes(StandardCharsets.UTF_8), UploadOptions.defaults()).await()
                .atMost(Duration.ofSeconds(10));

        assertThat(requests("PutObject", "503")).isEqualTo(1);
        assertThat(requests("PutObject", "200")).isEqualTo(1);
        assertThat(registry.get("oss.client.retries").tags("client", "archive", "operation", "PutObject").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("oss.client.bytes.sent").tag("client", "archive").counter().count()).isEqualTo(10);
        assertThat(registry.get("oss.client.bytes.received").tag("client", "archive").counter().count())
                .isEqualTo(SERVICE_UNAVAILABLE.length());
    }

    @Test
    void aRequestWithoutResponseCountsUnderStatusNone() {
        stub.handle(r -> Reply.drop());

        assertThatThrownBy(() -> client.headObject("k.txt").await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(OssException.class);

        assertThat(requests("HeadObject", "none")).isEqualTo(2);
        assertThat(registry.get("oss.client.requests").tags("operation", "HeadObject", "status", "none").timer()
                .totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void uploadedPartsAreCounted() {
        stub.handle(r -> Reply.of(200, Map.of("ETag", "\"P\""), ""));

        client.uploadPart("k.bin", "U1", 1, io.vertx.mutiny.core.buffer.Buffer.buffer("part")).await()
                .atMost(Duration.ofSeconds(10));

        assertThat(requests("UploadPart", "200")).isEqualTo(1);
        assertThat(registry.get("oss.client.multipart.parts").tag("client", "archive").counter().count())
                .isEqualTo(1);
    }

    private long requests(String operation, String status) {
        return registry.get("oss.client.requests").tags("client", "archive", "operation", operation, "status", status)
                .timer().count();
    }
}
