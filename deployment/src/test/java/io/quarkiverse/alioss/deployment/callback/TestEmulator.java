package io.quarkiverse.alioss.deployment.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * One OSS emulator per test JVM (on a free port, with bucket {@value #BUCKET}), and a free port for the application so
 * that the callback base URL can name it before start. QuarkusUnitTest loads test classes twice, so both are shared
 * through system properties, like {@link TestCallbackKeys}.
 */
final class TestEmulator {

    static final String BUCKET = "photos";
    /** A bucket of another account: an attacker's, who has OSS send the application callbacks from there. */
    static final String ATTACKER_BUCKET = "attacker-bucket";

    private static final String URL_PROPERTY = "alioss.test.emulator-url";
    private static final String KEY_URL_PROPERTY = "alioss.test.emulator-key-url";
    private static final String APP_PORT_PROPERTY = "alioss.test.app-port";

    private TestEmulator() {
    }

    /**
     * Configures {@code app} to serve HTTP on {@link #appPort()}, to use the emulator as its default client, to trust
     * the emulator's callback key and to put callback tokens made with {@code tokenSecret} into callback URLs (a known
     * secret, so tests can issue tokens of their own).
     */
    static QuarkusUnitTest configure(QuarkusUnitTest app, String tokenSecret) {
        return app.overrideConfigKey("quarkus.http.test-port", appPort())
                .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
                .overrideConfigKey("quarkus.oss.endpoint", endpoint())
                .overrideConfigKey("quarkus.oss.region", region())
                .overrideConfigKey("quarkus.oss.bucket", BUCKET)
                .overrideConfigKey("quarkus.oss.credentials.access-key-id", accessKeyId())
                .overrideConfigKey("quarkus.oss.credentials.access-key-secret", accessKeySecret())
                .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", callbackKeyUrl())
                .overrideConfigKey("quarkus.oss.callback.base-url", "http://localhost:" + appPort())
                .overrideConfigKey("quarkus.oss.callback.token.secret", tokenSecret);
    }

    static synchronized String endpoint() {
        start();
        return System.getProperty(URL_PROPERTY);
    }

    /** Where the emulator serves the public key of its callback signatures. */
    static synchronized String callbackKeyUrl() {
        start();
        return System.getProperty(KEY_URL_PROPERTY);
    }

    static String accessKeyId() {
        return OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID;
    }

    static String accessKeySecret() {
        return OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET;
    }

    static String region() {
        return OssEmulatorOptions.DEFAULT_REGION;
    }

    /** How many requests of {@code operation} (e.g. {@code HeadObject}) the emulator received so far. */
    static long requestCount(String operation) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint() + "/__emulator/requests")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode counts = new ObjectMapper().readTree(response.body());
            return counts.path(operation).asLong(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port that was free when first asked, for {@code quarkus.http.test-port}. */
    static synchronized String appPort() {
        String port = System.getProperty(APP_PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port for the application", e);
            }
            System.setProperty(APP_PORT_PROPERTY, port);
        }
        return port;
    }

    private static void start() {
        if (System.getProperty(URL_PROPERTY) != null) {
            return;
        }
        // lives until the JVM ends, like the test key server
        OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().port(0).bucket(BUCKET)
                .bucket(ATTACKER_BUCKET).build());
        System.setProperty(URL_PROPERTY, emulator.baseUrl());
        System.setProperty(KEY_URL_PROPERTY, emulator.callbackPublicKeyUrl());
    }
}
