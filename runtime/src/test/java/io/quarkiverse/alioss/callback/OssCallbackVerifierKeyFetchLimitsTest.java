package io.quarkiverse.alioss.callback;

import static io.quarkiverse.alioss.callback.OssCallbackVerifierGenuineVectorsTest.assertReason;
import static io.quarkiverse.alioss.callback.TestCallbackSigner.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpServerRequest;
import io.vertx.mutiny.core.http.HttpServerResponse;

/**
 * A fetched key is read as a stream and the connection is cut once the answer is clearly not a key: too large
 * (declared or received), too slow, or a redirect. The key server is local and counts what it managed to send.
 */
class OssCallbackVerifierKeyFetchLimitsTest {

    static final byte[] BODY = "bucket=b&object=k".getBytes(StandardCharsets.UTF_8);
    static final int KIB = 1024;
    static final int FLOOD_BYTES = 10 * 1024 * 1024;
    static final long FLOOD_PAUSE_MS = 10;
    static final int KEY_CAP = 8 * KIB;

    final TestCallbackSigner signer = new TestCallbackSigner();
    Vertx vertx;
    String base;

    /** Bytes of the flood whose write the server saw succeed. */
    final AtomicLong floodWritten = new AtomicLong();
    /** Counted down when a streaming answer stops: its connection was cut (or the flood ran out). */
    final CountDownLatch streamStopped = new CountDownLatch(1);
    final CountDownLatch connectionClosed = new CountDownLatch(1);
    final AtomicInteger redirectTargetRequests = new AtomicInteger();

    @BeforeEach
    void startKeyServer() {
        vertx = Vertx.vertx();
        int port = vertx.createHttpServer().requestHandler(this::answer).listenAndAwait(0, "127.0.0.1").actualPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        vertx.closeAndAwait();
    }

    private void answer(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        request.connection().closeHandler(connectionClosed::countDown);
        String path = request.path();
        switch (path) {
            case "/flood.pem" -> {
                response.setChunked(true);
                flood(response, FLOOD_BYTES / KIB);
            }
            case "/declared.pem" -> {
                // says 10 MiB, sends the start of a key, then waits: only the header can make the client stop
                response.putHeader("Content-Length", String.valueOf(FLOOD_BYTES));
                response.write(Buffer.buffer("-----BEGIN PUBLIC KEY-----\n")).subscribe().with(ok -> {
                }, failure -> {
                });
            }
            case "/drip.pem" -> {
                response.setChunked(true);
                drip(response);
            }
            case "/redirect.pem" -> response.setStatusCode(302).putHeader("Location", base + "/real.pem")
                    .endAndForget();
            case "/real.pem" -> {
                redirectTargetRequests.incrementAndGet();
                response.endAndForget(signer.pem());
            }
            default -> padded(request, response, path);
        }
    }

    /** 1 KiB at a time, each after the previous write completed and a pause, until a write fails. */
    private void flood(HttpServerResponse response, int chunksLeft) {
        if (chunksLeft == 0) {
            response.endAndForget();
            streamStopped.countDown();
            return;
        }
        byte[] chunk = new byte[KIB];
        Arrays.fill(chunk, (byte) 'A');
        response.write(Buffer.buffer(chunk)).subscribe().with(ok -> {
            floodWritten.addAndGet(KIB);
            vertx.setTimer(FLOOD_PAUSE_MS, id -> flood(response, chunksLeft - 1));
        }, failure -> streamStopped.countDown());
    }

    /** A few bytes every 100 ms, for ever: always under the size cap, never done. */
    private void drip(HttpServerResponse response) {
        response.write(Buffer.buffer("AAAAAAAAAAAAAAAA")).subscribe().with(
                ok -> vertx.setTimer(100, id -> drip(response)),
                failure -> streamStopped.countDown());
    }

    /** {@code /padded/<size>[/chunked]}: the test key followed by newlines up to exactly {@code size} bytes. */
    private void padded(HttpServerRequest request, HttpServerResponse response, String path) {
        String[] parts = path.split("/");
        byte[] pem = signer.pem().getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(pem, Integer.parseInt(parts[2]));
        Arrays.fill(body, pem.length, body.length, (byte) '\n');
        if (parts.length > 3) {
            response.setChunked(true);
            int half = body.length / 2;
            response.write(Buffer.buffer(Arrays.copyOfRange(body, 0, half))).subscribe().with(
                    ok -> response.endAndForget(Buffer.buffer(Arrays.copyOfRange(body, half, body.length))),
                    failure -> {
                    });
        } else {
            response.endAndForget(Buffer.buffer(body));
        }
    }

    @Test
    void endlessKeyIsCutOffSoonAfterTheCap() throws Exception {
        OssCallbackVerifier verifier = fetching("/flood.pem", Duration.ofSeconds(3));

        OssCallbackVerificationException refused = catchThrowableOfType(OssCallbackVerificationException.class,
                () -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(base + "/flood.pem"), BODY));

        assertThat(streamStopped.await(5, TimeUnit.SECONDS)).as("the key server stopped: its connection was cut")
                .isTrue();
        assertThat(floodWritten.get()).as("bytes the key server could write").isLessThanOrEqualTo(16 * KIB);
        assertThat(refused).isNotNull().hasMessageContaining("more than " + KEY_CAP + " bytes");
        assertThat(refused.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    }

    @Test
    void declaredOversizedKeyIsRefusedWithoutReadingTheBody() throws Exception {
        // a fetch timeout far above the wait below: only the Content-Length can end this fetch in time
        OssCallbackVerifier verifier = fetching("/declared.pem", Duration.ofSeconds(10));
        long start = System.nanoTime();

        OssCallbackVerificationException refused = catchThrowableOfType(OssCallbackVerificationException.class,
                () -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(base + "/declared.pem"), BODY));

        assertThat(refused).isNotNull().hasMessageContaining("Content-Length " + FLOOD_BYTES);
        assertThat(refused.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(connectionClosed.await(2, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
    }

    @Test
    void keyThatTricklesInIsCutAtTheFetchTimeout() throws Exception {
        OssCallbackVerifier verifier = fetching("/drip.pem", Duration.ofMillis(500));

        assertReason(() -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(base + "/drip.pem"), BODY),
                Reason.KEY_UNAVAILABLE);
        assertThat(connectionClosed.await(3, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
        assertThat(streamStopped.await(3, TimeUnit.SECONDS)).as("the key server could no longer write").isTrue();
    }

    @Test
    void redirectIsNotFollowed() {
        OssCallbackVerifier verifier = fetching("/redirect.pem", Duration.ofSeconds(3));

        OssCallbackVerificationException refused = catchThrowableOfType(OssCallbackVerificationException.class,
                () -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(base + "/redirect.pem"), BODY));

        assertThat(refused).isNotNull().hasMessageContaining("HTTP 302");
        assertThat(refused.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
        assertThat(redirectTargetRequests).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/padded/8192", "/padded/8192/chunked" })
    void keyOfExactlyTheCapIsAccepted(String path) {
        OssCallbackVerifier verifier = fetching(path, Duration.ofSeconds(3));
        assertThatCode(() -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(base + path), BODY))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/padded/8193", "/padded/8193/chunked" })
    void keyOneByteOverTheCapIsRefused(String path) {
        OssCallbackVerifier verifier = fetching(path, Duration.ofSeconds(3));
        OssCallbackVerificationException refused = catchThrowableOfType(OssCallbackVerificationException.class,
                () -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(base + path), BODY));
        assertThat(refused).as("refused").isNotNull().hasMessageContaining(String.valueOf(KEY_CAP));
        assertThat(refused.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    }

    private OssCallbackVerifier fetching(String path, Duration timeout) {
        return OssCallbackVerifier.builder().vertx(vertx).trustFetchedKey(base + path).fetchTimeout(timeout).build();
    }
}
