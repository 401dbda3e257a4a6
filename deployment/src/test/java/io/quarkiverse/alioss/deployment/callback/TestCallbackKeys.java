package io.quarkiverse.alioss.deployment.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;

/**
 * A test RSA key whose public half is served as PEM by a local Vert.x server on a free port, listed in
 * {@code quarkus.oss.callback.trusted-key-urls}; callbacks are signed with the private half exactly as OSS signs.
 * <p>
 * QuarkusUnitTest loads test classes twice (JUnit's class loader and the application's), so the key and the server
 * are created once per JVM and shared through system properties.
 */
final class TestCallbackKeys {

    private static final String URL_PROPERTY = "alioss.test.key-url";
    private static final String PRIVATE_PROPERTY = "alioss.test.private-key";

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
        keyUrl();
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE_PROPERTY))));
            Signature signature = Signature.getInstance("MD5withRSA");
            signature.initSign(key);
            signature.update((decodedPathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair pair = generator.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Vertx vertx = Vertx.vertx();
            int port = vertx.createHttpServer()
                    .requestHandler(request -> request.response().putHeader("content-type", "application/x-pem-file")
                            .end(pem))
                    .listen(0, "localhost")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
            String url = "http://localhost:" + port + "/test_callback_pub_key.pem";
            System.setProperty(PRIVATE_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(URL_PROPERTY, url);
            return url;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test key server", e);
        }
    }
}
