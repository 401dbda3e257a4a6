package io.quarkiverse.alioss.emulator.callback;

import static io.quarkiverse.alioss.emulator.callback.CallbackSpecTest.b64;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

class CallbackPerformerTest {

    record Received(String uri, MultiMap headers, byte[] body) {
    }

    static final String KEY_URL = "http://127.0.0.1:1/__emulator/callback_pub_key.pem";
    static final UploadFacts FACTS = new UploadFacts("examplebucket", "dir/a.txt", "D8E8FCA2DC0F896FD7CB4CB0031BA249",
            3, "text/plain", null, "0", "1B2M2Y8AsgTpgAmY7PhCfg==", "", "127.0.0.1", "5CF3E7821AB22D0FDB86704D",
            "PutObject");

    /** Generous, because the build machine is shared and busy; the slow app answers after three times this. */
    static final long TIMEOUT_MILLIS = 2_500;

    static Vertx vertx;
    static HttpServer server;
    static int port;
    static CallbackSigningKey key;
    static CallbackPerformer performer;
    static final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body()
                .onSuccess(body -> {
                    received.add(new Received(request.uri(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                            body.getBytes()));
                    answer(request);
                }));
        port = await(server.listen(0, "127.0.0.1")).actualPort();
        key = CallbackSigningKey.generate();
        performer = new CallbackPerformer(vertx, key, KEY_URL,
                CallbackPerformerOptions.defaults().withTimeout(Duration.ofMillis(TIMEOUT_MILLIS)));
    }

    /** The path decides what the fake application answers. */
    static void answer(HttpServerRequest request) {
        var response = request.response();
        String path = request.path();
        if (path.startsWith("/ok")) {
            response.putHeader("Content-Type", "application/json").end("{\"Status\":\"OK\"}");
        } else if (path.equals("/xml")) {
            response.putHeader("Content-Type", "application/xml; charset=utf-8").end("<r><ok>1</ok></r>");
        } else if (path.equals("/bad-xml")) {
            response.putHeader("Content-Type", "application/xml").end("<r>");
        } else if (path.equals("/xml-as-json")) {
            response.putHeader("Content-Type", "application/json").end("<r/>");
        } else if (path.equals("/500")) {
            response.setStatusCode(500).end("{}");
        } else if (path.equals("/201")) {
            response.setStatusCode(201).end("{}");
        } else if (path.equals("/301")) {
            response.setStatusCode(301).putHeader("Location", "/ok").end();
        } else if (path.equals("/plain-ok")) {
            response.end("OK");
        } else if (path.equals("/empty")) {
            response.end();
        } else if (path.equals("/bom")) {
            response.end(Buffer.buffer(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}' }));
        } else if (path.equals("/too-large")) {
            response.end("[" + "0,".repeat(CallbackReply.MAX_BODY_BYTES / 2) + "0]");
        } else if (path.equals("/exactly-1mb")) {
            String padding = " ".repeat(CallbackReply.MAX_BODY_BYTES - 2);
            response.end("{" + padding + "}");
        } else if (path.equals("/chunked")) {
            response.setChunked(true).write("{\"a\":");
            response.end("1}");
        } else if (path.equals("/slow")) {
            vertx.setTimer(TIMEOUT_MILLIS * 3, id -> response.end("{}"));
        } else {
            response.setStatusCode(404).end();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        await(performer.close());
        await(vertx.close());
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    static CallbackSpec spec(String urls, String extraJson) {
        return CallbackSpec
                .parse(b64("{\"callbackUrl\":\"" + urls + "\",\"callbackBody\":\"bucket=${bucket}&object=${object}&u=${x:u}\""
                        + extraJson + "}"), b64("{\"x:u\":\"7\"}"));
    }

    static CallbackOutcome perform(String urls) throws Exception {
        return await(performer.perform(spec(urls, ""), FACTS));
    }

    static String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    static String failure(CallbackOutcome outcome) {
        assertThat(outcome).isInstanceOf(CallbackOutcome.Failed.class);
        return ((CallbackOutcome.Failed) outcome).message();
    }

    @Test
    void deliversASignedRequestWithAllOssHeaders() throws Exception {
        CallbackOutcome outcome = perform(url("/ok/cb"));
        assertThat(outcome).isInstanceOf(CallbackOutcome.Delivered.class);
        var delivered = (CallbackOutcome.Delivered) outcome;
        assertThat(delivered.body().toString()).isEqualTo("{\"Status\":\"OK\"}");
        assertThat(delivered.contentType()).isEqualTo("application/json");

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        byte[] expectedBody = "bucket=examplebucket&object=dir%2Fa.txt&u=7".getBytes(StandardCharsets.UTF_8);
        assertThat(request.body()).isEqualTo(expectedBody);
        assertThat(request.uri()).isEqualTo("/ok/cb");
        MultiMap h = request.headers();
        assertThat(h.get("Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(h.get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(h.get("Content-Length")).isEqualTo(Integer.toString(expectedBody.length));
        assertThat(h.get("Content-MD5")).isEqualTo(Md5.base64(expectedBody));
        assertThat(h.get("User-Agent")).isEqualTo("aliyun-oss-callback");
        assertThat(h.get("x-oss-request-id")).isEqualTo("5CF3E7821AB22D0FDB86704D");
        assertThat(h.get("x-oss-bucket")).isEqualTo("examplebucket");
        assertThat(h.get("x-oss-owner")).isEqualTo(CallbackPerformerOptions.DEFAULT_OWNER_ID);
        assertThat(h.get("x-oss-requester")).isEqualTo(CallbackPerformerOptions.DEFAULT_OWNER_ID);
        assertThat(h.get("x-oss-signature-version")).isEqualTo("1.0");
        assertThat(h.get("x-oss-tag")).isEqualTo("CALLBACK");
        assertThat(h.get("Connection")).isEqualToIgnoringCase("close");
        assertThat(h.get("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(new String(Base64.getDecoder().decode(h.get("x-oss-pub-key-url")), StandardCharsets.UTF_8))
                .isEqualTo(KEY_URL);
        assertThat(TestCallbackVerifier.verify(TestCallbackVerifier.publicKeyFromPem(key.publicKeyPem()), request.uri(),
                request.body(), h.get("authorization"))).isTrue();
    }

    @Test
    void signatureCoversEncodedPathAndRawQuery() throws Exception {
        String target = "/ok/a%20b/c+d?token=x%2By&e=a+b&f=%2F";
        assertThat(perform(url(target))).isInstanceOf(CallbackOutcome.Delivered.class);
        Received request = received.get(0);
        assertThat(request.uri()).isEqualTo(target);
        var publicKey = TestCallbackVerifier.publicKeyFromPem(key.publicKeyPem());
        assertThat(TestCallbackVerifier.verify(publicKey, request.uri(), request.body(),
                request.headers().get("authorization"))).isTrue();
        assertThat(TestCallbackVerifier.verify(publicKey, "/ok/a%20b/c+d?token=x%2By&e=a+b&f=/", request.body(),
                request.headers().get("authorization"))).as("a decoded query must not verify").isFalse();
    }

    @Test
    void hostHeaderComesFromCallbackHost() throws Exception {
        await(performer.perform(spec(url("/ok"), ",\"callbackHost\":\"app.example.com\""), FACTS));
        assertThat(received.get(0).headers().get("Host")).isEqualTo("app.example.com");
    }

    @Test
    void jsonBodyTypeIsTheContentType() throws Exception {
        CallbackSpec spec = CallbackSpec.parse(b64("{\"callbackUrl\":\"" + url("/ok") + "\",\"callbackBody\":"
                + "\"{\\\"o\\\":${object},\\\"s\\\":${size}}\",\"callbackBodyType\":\"application/json\"}"), null);
        await(performer.perform(spec, FACTS));
        assertThat(received.get(0).headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(new String(received.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"o\":\"dir/a.txt\",\"s\":3}");
    }

    @Test
    void triesUrlsInOrderUntilOneSucceeds() throws Exception {
        CallbackOutcome outcome = perform(url("/500") + ";" + url("/301") + ";" + url("/ok/third") + ";" + url("/ok/fourth"));
        assertThat(outcome).isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(received).extracting(Received::uri).containsExactly("/500", "/301", "/ok/third");
    }

    @Test
    void whenAllUrlsFailTheLastFailureIsReported() throws Exception {
        assertThat(failure(perform(url("/301") + ";" + url("/500")))).isEqualTo("Error status : 500.");
        assertThat(received).extracting(Received::uri).containsExactly("/301", "/500");
    }

    @Test
    void redirectIsNotFollowed() throws Exception {
        assertThat(failure(perform(url("/301")))).isEqualTo("Error status : 301.");
        assertThat(received).extracting(Received::uri).containsExactly("/301");
    }

    @Test
    void onlyStatus200Succeeds() throws Exception {
        assertThat(failure(perform(url("/201")))).isEqualTo("Error status : 201.");
        assertThat(failure(perform(url("/500")))).isEqualTo("Error status : 500.");
    }

    @Test
    void unreachableUrlFailsWithStatusMinusOne() throws Exception {
        HttpServer closed = vertx.createHttpServer().requestHandler(r -> r.response().end());
        int freePort = await(closed.listen(0, "127.0.0.1")).actualPort();
        await(closed.close());
        assertThat(failure(perform("http://127.0.0.1:" + freePort + "/cb")))
                .isEqualTo("Error status : -1. OSS can not connect to your callbackUrl, please check it.");
    }

    @Test
    void slowApplicationTimesOut() throws Exception {
        long start = System.nanoTime();
        String message = failure(perform(url("/slow")));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(message).startsWith("error status:-1 127.0.0.1: " + port + " reply timeout, cost: ")
                .endsWith(" MS, timeout: " + TIMEOUT_MILLIS + " MS");
        assertThat(tookMillis).isBetween(TIMEOUT_MILLIS - 100, TIMEOUT_MILLIS * 3);
    }

    @Test
    void refusesReplyWithoutJsonBody() throws Exception {
        assertThat(failure(perform(url("/plain-ok")))).isEqualTo("Response body is not valid json format.");
        assertThat(failure(perform(url("/empty")))).isEqualTo("Response body is not valid json format.");
        assertThat(failure(perform(url("/xml-as-json")))).isEqualTo("Response body is not valid json format.");
    }

    @Test
    void refusesReplyWithByteOrderMark() throws Exception {
        assertThat(failure(perform(url("/bom")))).isEqualTo("Response body is not valid json format.");
    }

    @Test
    void acceptsXmlOnlyWithApplicationXml() throws Exception {
        CallbackOutcome outcome = perform(url("/xml"));
        assertThat(outcome).isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(((CallbackOutcome.Delivered) outcome).contentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(failure(perform(url("/bad-xml")))).isEqualTo("Response body is not valid xml format.");
    }

    @Test
    void refusesReplyLargerThan1MbButAcceptsExactly1Mb() throws Exception {
        assertThat(failure(perform(url("/too-large"))))
                .isEqualTo("Error Status : 400.User server return too long content-length value");
        assertThat(perform(url("/exactly-1mb"))).isInstanceOf(CallbackOutcome.Delivered.class);
    }

    @Test
    void refusesChunkedReplyWithoutContentLength() throws Exception {
        assertThat(failure(perform(url("/chunked"))))
                .isEqualTo("Error Status : 400.User server return too long content-length value");
    }

    @Test
    void unreachableFirstUrlFallsThroughToTheNext() throws Exception {
        HttpServer closed = vertx.createHttpServer().requestHandler(r -> r.response().end());
        int freePort = await(closed.listen(0, "127.0.0.1")).actualPort();
        await(closed.close());
        CallbackOutcome outcome = perform("http://127.0.0.1:" + freePort + "/cb;" + url("/ok/second"));
        assertThat(outcome).isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(received).extracting(Received::uri).containsExactly("/ok/second");
    }

    @Test
    void concurrentCallbacksAreEachSignedForTheirOwnRequest() throws Exception {
        List<Future<CallbackOutcome>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(performer.perform(spec(url("/ok/n" + i + "?i=" + i), ""), FACTS));
        }
        for (Future<CallbackOutcome> outcome : outcomes) {
            assertThat(await(outcome)).isInstanceOf(CallbackOutcome.Delivered.class);
        }
        assertThat(received).hasSize(20);
        var publicKey = TestCallbackVerifier.publicKeyFromPem(key.publicKeyPem());
        for (Received request : received) {
            assertThat(TestCallbackVerifier.verify(publicKey, request.uri(), request.body(),
                    request.headers().get("authorization"))).as(request.uri()).isTrue();
        }
    }

    @Test
    void worksWhenCalledFromAnEventLoopLikeTheServerDoes() throws Exception {
        io.vertx.core.Promise<CallbackOutcome> outcome = io.vertx.core.Promise.promise();
        vertx.runOnContext(v -> performer.perform(spec(url("/ok/from-loop"), ""), FACTS).onComplete(outcome));
        assertThat(await(outcome.future())).isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(received).extracting(Received::uri).containsExactly("/ok/from-loop");
    }
}
