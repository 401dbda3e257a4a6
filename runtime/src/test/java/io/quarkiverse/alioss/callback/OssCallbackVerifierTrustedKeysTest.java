package io.quarkiverse.alioss.callback;

import static io.quarkiverse.alioss.callback.OssCallbackVerifierGenuineVectorsTest.assertReason;
import static io.quarkiverse.alioss.callback.TestCallbackSigner.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;

/** A test key pair trusted directly or fetched from a local key server that counts its requests. */
class OssCallbackVerifierTrustedKeysTest {

    static final byte[] BODY = "bucket=b&object=a%2Bb+c.png&size=3".getBytes(StandardCharsets.UTF_8);

    final TestCallbackSigner signer = new TestCallbackSigner();
    Vertx vertx;
    HttpServer server;
    String base;
    final AtomicInteger keyRequests = new AtomicInteger();
    /** What the key server does: "ok", "fail" (500), "slow" (never answers), "delay" (answers after a moment). */
    final AtomicReference<String> mode = new AtomicReference<>("ok");

    @BeforeEach
    void startKeyServer() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            keyRequests.incrementAndGet();
            switch (mode.get()) {
                case "fail" -> request.response().setStatusCode(500).endAndForget("nope");
                case "slow" -> {
                    // never answers
                }
                case "delay" -> vertx.setTimer(300, id -> request.response().endAndForget(signer.pem()));
                default -> request.response().endAndForget(signer.pem());
            }
        }).listenAndAwait(0, "127.0.0.1");
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterEach
    void stop() {
        vertx.closeAndAwait();
    }

    @Test
    void directlyTrustedKeyVerifiesWithoutFetching() {
        String keyUrl = base + "/emulator.pem";
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().trustKey(keyUrl, signer.pem()).build();
        String target = "/cb/a+b%20c?t=1%2B2";
        String auth = signer.sign("/cb/a+b c?t=1%2B2", BODY);

        assertThatCode(() -> verifier.verify(target, auth, b64(keyUrl), BODY)).doesNotThrowAnyException();
        assertThat(keyRequests).hasValue(0);
    }

    @Test
    void aKeyUrlHeaderIsDecodedWhateverItsBase64Spelling() {
        // 26 characters: standard Base64 ends with one '=', which the decoder does not require
        String keyUrl = "https://keys.example/k.pem";
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().trustKey(keyUrl, signer.pem()).build();
        String auth = signer.sign("/cb", BODY);
        String padded = b64(keyUrl);
        assertThat(padded).endsWith("=");
        String unpadded = padded.substring(0, padded.length() - 1);

        assertThatCode(() -> verifier.verify("/cb", auth, padded, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify("/cb", auth, " " + unpadded + " ", BODY)).doesNotThrowAnyException();
        String other = b64("https://keys.example/j.pem");
        assertReason(() -> verifier.verify("/cb", auth, other.substring(0, other.length() - 1), BODY),
                Reason.UNTRUSTED_KEY_URL);
    }

    @Test
    void plusInPathStaysPlusAndEncodedPlusDecodesToPlus() {
        String keyUrl = base + "/emulator.pem";
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().trustKey(keyUrl, signer.publicKey()).build();
        String auth = signer.sign("/cb/a+b", BODY);

        assertThatCode(() -> verifier.verify("/cb/a+b", auth, b64(keyUrl), BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify("/cb/a%2Bb", auth, b64(keyUrl), BODY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify("/cb/a%20b", auth, b64(keyUrl), BODY))
                .isInstanceOfSatisfying(OssCallbackVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void otherKeyCannotPassForTheOssKey() {
        // A test key's signature presented with the gosspublic URL is checked against the pinned OSS key.
        String auth = signer.sign("/cb", BODY);
        assertReason(() -> OssCallbackVerifier.ossDefault().verify("/cb", auth,
                b64("https://gosspublic.alicdn.com/callback_pub_key_v1.pem"), BODY), Reason.BAD_SIGNATURE);
    }

    @Test
    void untrustedKeyUrlIsRefusedWithoutAnyRequest() {
        String trusted = base + "/trusted.pem";
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().vertx(vertx).trustFetchedKey(trusted).build();
        String auth = signer.sign("/cb", BODY);

        for (String url : List.of(base + "/other.pem", base + "/trusted.pem.x", base + "/trusted.pem?",
                base + "/./trusted.pem", "http://localhost:" + server.actualPort() + "/trusted.pem")) {
            assertReason(() -> verifier.verify("/cb", auth, b64(url), BODY), Reason.UNTRUSTED_KEY_URL);
            assertReason(() -> verifier.verifyAsync("/cb", auth, b64(url), BODY).await().indefinitely(),
                    Reason.UNTRUSTED_KEY_URL);
        }
        assertReason(() -> OssCallbackVerifier.ossDefault().verify("/cb", auth, b64(trusted), BODY),
                Reason.UNTRUSTED_KEY_URL);
        assertThat(keyRequests).hasValue(0);
    }

    /**
     * Look-alikes of the OSS key URL aimed at the local counting server: were any of them fetched, the server would see
     * it. Both the default verifier and one that can fetch (it trusts another URL on the same server) refuse them.
     */
    @Test
    void ossKeyUrlLookAlikesAimedAtALocalServerAreNeverFetched() {
        int port = server.actualPort();
        List<String> lookAlikes = List.of(
                base + "/gosspublic.alicdn.com/callback_pub_key_v1.pem",
                "http://gosspublic.alicdn.com@127.0.0.1:" + port + "/callback_pub_key_v1.pem",
                "http://gosspublic.alicdn.com:x@127.0.0.1:" + port + "/callback_pub_key_v1.pem",
                base + "/callback_pub_key_v1.pem?gosspublic.alicdn.com",
                base + "/#https://gosspublic.alicdn.com/callback_pub_key_v1.pem",
                "http://127.0.0.1:" + port + "\\@gosspublic.alicdn.com/callback_pub_key_v1.pem");
        OssCallbackVerifier fetching = fetching(base + "/trusted.pem");
        String auth = signer.sign("/cb", BODY);

        for (String url : lookAlikes) {
            for (OssCallbackVerifier verifier : List.of(OssCallbackVerifier.ossDefault(), fetching)) {
                assertReason(() -> verifier.verify("/cb", auth, b64(url), BODY), Reason.UNTRUSTED_KEY_URL);
                assertReason(() -> verifier.verifyAsync("/cb", auth, b64(url), BODY).await().atMost(Duration.ofSeconds(5)),
                        Reason.UNTRUSTED_KEY_URL);
                // not Base64: the URL as plain text is malformed, and never fetched either
                assertReason(() -> verifier.verify("/cb", auth, url, BODY), Reason.MALFORMED_KEY_URL);
            }
        }
        assertThat(keyRequests).as("requests seen by the local key server").hasValue(0);
        // the same server is reachable: a trusted URL on it is fetched, so zero above means "never asked"
        assertThatCode(() -> fetching.verify("/cb", auth, b64(base + "/trusted.pem"), BODY)).doesNotThrowAnyException();
        assertThat(keyRequests).hasValue(1);
    }

    @Test
    void fetchedKeyVerifiesAndIsFetchedOnce() {
        String keyUrl = base + "/key.pem";
        OssCallbackVerifier verifier = fetching(keyUrl);
        String auth = signer.sign("/cb", BODY);

        verifier.verify("/cb", auth, b64(keyUrl), BODY);
        verifier.verify("/cb", auth, b64(keyUrl), BODY);
        verifier.verifyAsync("/cb", auth, b64(keyUrl), BODY).await().atMost(Duration.ofSeconds(5));
        assertReason(() -> verifier.verify("/cb?x", auth, b64(keyUrl), BODY), Reason.BAD_SIGNATURE);
        assertThat(keyRequests).hasValue(1);
    }

    @Test
    void concurrentVerifiesShareOneFetch() throws Exception {
        mode.set("delay");
        String keyUrl = base + "/key.pem";
        OssCallbackVerifier verifier = fetching(keyUrl);
        String auth = signer.sign("/cb", BODY);

        List<Uni<Void>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(verifier.verifyAsync("/cb", auth, b64(keyUrl), BODY));
        }
        int threads = 8;
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            new Thread(() -> {
                try {
                    verifier.verify("/cb", auth, b64(keyUrl), BODY);
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        Uni.join().all(all).andFailFast().await().atMost(Duration.ofSeconds(5));
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(keyRequests).hasValue(1);
    }

    @Test
    void failedFetchIsRememberedBrieflyWithoutFurtherRequests() throws Exception {
        mode.set("fail");
        String keyUrl = base + "/key.pem";
        OssCallbackVerifier verifier = fetching(keyUrl);
        String auth = signer.sign("/cb", BODY);

        assertThatThrownBy(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY))
                .isInstanceOfSatisfying(OssCallbackVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
                    assertThat(e).hasMessageContaining("HTTP 500").hasMessageContaining(keyUrl);
                });
        assertThat(keyRequests).hasValue(1);

        // the server has recovered, but within the first second after the failure nothing is fetched
        mode.set("ok");
        for (int i = 0; i < 10; i++) {
            assertReason(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY), Reason.KEY_UNAVAILABLE);
            assertReason(() -> verifier.verifyAsync("/cb", auth, b64(keyUrl), BODY).await()
                    .atMost(Duration.ofSeconds(5)), Reason.KEY_UNAVAILABLE);
        }
        assertThat(keyRequests).as("requests while backing off").hasValue(1);

        Thread.sleep(1100);
        assertThatCode(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY)).doesNotThrowAnyException();
        assertThat(keyRequests).hasValue(2);
    }

    @Test
    void slowKeyServerTimesOutAsKeyUnavailable() {
        mode.set("slow");
        String keyUrl = base + "/key.pem";
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().vertx(vertx).trustFetchedKey(keyUrl)
                .fetchTimeout(Duration.ofMillis(300)).build();
        String auth = signer.sign("/cb", BODY);

        long start = System.nanoTime();
        assertReason(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY), Reason.KEY_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        // backing off after the timeout: refused at once, without another request
        assertReason(() -> verifier.verifyAsync("/cb", auth, b64(keyUrl), BODY).await().atMost(Duration.ofSeconds(3)),
                Reason.KEY_UNAVAILABLE);
        assertThat(keyRequests).hasValue(1);
    }

    @Test
    void unreachableKeyServerIsKeyUnavailable() {
        String keyUrl = base + "/key.pem";
        OssCallbackVerifier verifier = fetching(keyUrl);
        server.close().await().indefinitely();
        assertReason(() -> verifier.verify("/cb", signer.sign("/cb", BODY), b64(keyUrl), BODY), Reason.KEY_UNAVAILABLE);
    }

    @Test
    void blockingVerifyOnAnEventLoopAsksForVerifyAsyncWhenAKeyMustBeFetched() throws Exception {
        String keyUrl = base + "/key.pem";
        OssCallbackVerifier verifier = fetching(keyUrl);
        String auth = signer.sign("/cb", BODY);

        assertThat(onEventLoop(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event loop").hasMessageContaining("verifyAsync");
        assertThat(keyRequests).as("nothing fetched").hasValue(0);

        // once the key is known nothing has to wait, so verify works on an event loop too
        verifier.verifyAsync("/cb", auth, b64(keyUrl), BODY).await().atMost(Duration.ofSeconds(5));
        assertThat(onEventLoop(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY))).isNull();
        assertThat(keyRequests).hasValue(1);
    }

    @Test
    void pinnedKeyIsVerifiedOnAnEventLoop() throws Exception {
        String keyUrl = base + "/pinned.pem";
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().vertx(vertx).trustKey(keyUrl, signer.pem())
                .trustFetchedKey(base + "/key.pem").build();
        String auth = signer.sign("/cb", BODY);

        assertThat(onEventLoop(() -> verifier.verify("/cb", auth, b64(keyUrl), BODY))).isNull();
        assertThat(onEventLoop(() -> verifier.verify("/cb?x", auth, b64(keyUrl), BODY)))
                .isInstanceOf(OssCallbackVerificationException.class);
    }

    /** Runs {@code call} on a Vert.x event loop thread; what it threw, or null. */
    Throwable onEventLoop(ThrowingCallable call) throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(() -> {
            try {
                assertThat(Context.isOnEventLoopThread()).isTrue();
                call.call();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        return thrown.get(10, TimeUnit.SECONDS);
    }

    @Test
    void fetchedKeysNeedVertx() {
        assertThatThrownBy(() -> OssCallbackVerifier.builder().trustFetchedKey(base + "/k.pem").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vertx");
        assertThatThrownBy(() -> OssCallbackVerifier.builder().trustKey("ftp://x/k.pem", signer.publicKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://x/k.pem");
    }

    /** A verifier that trusts {@code keyUrl} and fetches its key from the local key server. */
    OssCallbackVerifier fetching(String keyUrl) {
        return OssCallbackVerifier.builder().vertx(vertx).trustFetchedKey(keyUrl).build();
    }
}
