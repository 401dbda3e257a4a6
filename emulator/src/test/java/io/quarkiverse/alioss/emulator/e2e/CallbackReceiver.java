package io.quarkiverse.alioss.emulator.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * The application side of a callback: records what OSS (the emulator) sent, verifies its signature with its own code
 * and answers as told.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One callback as received. */
    record Received(String uri, MultiMap headers, Buffer body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String body = "{\"ok\":true}";
    private volatile long delayMillis;

    CallbackReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.add(new Received(req.uri(), MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), b));
            Runnable answer = () -> {
                var response = req.response().setStatusCode(status);
                if (status == 301) {
                    response.putHeader("Location", "http://127.0.0.1:1/elsewhere");
                }
                response.putHeader("Content-Type", contentType).end(body);
            };
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, t -> answer.run());
            } else {
                answer.run();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.actualPort() + pathAndQuery;
    }

    CallbackReceiver answer(int newStatus, String newContentType, String newBody) {
        this.status = newStatus;
        this.contentType = newContentType;
        this.body = newBody;
        this.delayMillis = 0;
        return this;
    }

    CallbackReceiver delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Forgets callbacks nobody looked at. */
    void reset() {
        received.clear();
    }

    int pending() {
        return received.size();
    }

    Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no callback arrived");
        }
        return r;
    }

    /**
     * Verifies the RSA-MD5 signature as an application must (protocol reference 3.4): the key is fetched from the
     * URL in x-oss-pub-key-url, the string to sign is the percent-decoded path, the raw query, "\n" and the body.
     */
    static boolean signatureValid(Received callback) throws Exception {
        String keyUrl = new String(Base64.getDecoder().decode(callback.headers().get("x-oss-pub-key-url")),
                StandardCharsets.UTF_8);
        String pem = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keyUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        String uri = callback.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q);
        Buffer toSign = Buffer.buffer(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8) + query
                + "\n").appendBuffer(callback.body());
        Signature verifier = Signature.getInstance("MD5withRSA");
        verifier.initVerify(key);
        verifier.update(toSign.getBytes());
        return verifier.verify(Base64.getDecoder().decode(callback.headers().get("Authorization")));
    }

    @Override
    public void close() {
        vertx.close();
    }
}
