package io.quarkiverse.alioss.deployment.callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.alioss.emulator.callback.CallbackSigningKey;
import io.vertx.core.Vertx;

/**
 * A test RSA key (the emulator's {@link CallbackSigningKey}, the one signer all test suites use) whose public half is
 * served as PEM by a local Vert.x server on a free port, listed in {@code quarkus.oss.callback.trusted-key-urls};
 * callbacks are signed with the private half exactly as OSS signs.
 * <p>
 * QuarkusUnitTest loads test classes twice (JUnit's class loader and the application's), so the key and the server
 * are created once per JVM, the URL is shared through a system property, and the other class loader asks the server
 * to sign: the private key never leaves the object that generated it.
 */
final class TestCallbackKeys {

    private static final String URL_PROPERTY = "alioss.test.key-url";
    private static final String SIGN_PATH = "/sign";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestCallbackKeys() {
    }

    /** The URL the test key is served at; starts the server on first use. */
    static synchronized String keyUrl() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = start();
        }
        return url;
    }

    /** {@code x-oss-pub-key-url} header value for the test key. */
    static String keyUrlHeader() {
        return base64(keyUrl());
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs as OSS does: MD5withRSA over the decoded path, the raw query, LF, then the body. */
    static String sign(String decodedPathAndQuery, byte[] body) {
        ByteArrayOutputStream stringToSign = new ByteArrayOutputStream();
        stringToSign.writeBytes((decodedPathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
        stringToSign.writeBytes(body);
        URI signer = URI.create(keyUrl()).resolve(SIGN_PATH);
        try {
            HttpResponse<String> signature = HTTP.send(HttpRequest.newBuilder(signer)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(stringToSign.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signature.statusCode() != 200) {
                throw new IllegalStateException("the test key server answered " + signature.statusCode());
            }
            return signature.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the test key server at " + signer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String start() {
        CallbackSigningKey key = CallbackSigningKey.generate();
        try {
            Vertx vertx = Vertx.vertx();
            int port = vertx.createHttpServer()
                    .requestHandler(request -> {
                        if (request.path().equals(SIGN_PATH)) {
                            request.body().onSuccess(stringToSign -> request.response()
                                    .end(Base64.getEncoder().encodeToString(key.sign(stringToSign.getBytes()))));
                        } else {
                            request.response().putHeader("content-type", "application/x-pem-file")
                                    .end(key.publicKeyPem());
                        }
                    })
                    .listen(0, "localhost")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
            String url = "http://localhost:" + port + "/test_callback_pub_key.pem";
            System.setProperty(URL_PROPERTY, url);
            return url;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test key server", e);
        }
    }
}
