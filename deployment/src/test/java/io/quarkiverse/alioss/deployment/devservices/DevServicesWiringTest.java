package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.vertx.ext.web.Router;

/**
 * No OSS settings at all and a random test port: Dev Services starts the emulator and wires endpoint, credentials,
 * region, bucket, the emulator's key URL as trusted and a callback base URL that reaches this application.
 */
class DevServicesWiringTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(PingRoute.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.buckets", "photos,archive");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ApplicationScoped
    static class PingRoute {
        void route(@Observes Router router) {
            router.get("/devservices-ping").handler(rc -> rc.response().end("pong"));
        }
    }

    @Test
    void defaultClientPointsAtTheRunningEmulator() throws Exception {
        Config config = ConfigProvider.getConfig();
        String endpoint = config.getValue("quarkus.oss.endpoint", String.class);
        assertThat(endpoint).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(config.getValue("quarkus.oss.credentials.type", String.class)).isEqualTo("static");
        assertThat(config.getValue("quarkus.oss.credentials.access-key-id", String.class))
                .isEqualTo("devservices-access-key-id");
        assertThat(config.getValue("quarkus.oss.credentials.access-key-secret", String.class))
                .isEqualTo("devservices-access-key-secret");
        assertThat(config.getValue("quarkus.oss.region", String.class)).isEqualTo("cn-hangzhou");
        // the first configured bucket becomes the default client's bucket
        assertThat(config.getValue("quarkus.oss.bucket", String.class)).isEqualTo("photos");

        // an unsigned request reaches the emulator, which answers like OSS: an XML error, not a connection refusal
        HttpResponse<String> anonymous = get(endpoint + "/photos/missing.txt");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("<Code>");
    }

    @Test
    void emulatorKeyIsTheTrustedCallbackKeyAndIsServed() throws Exception {
        Config config = ConfigProvider.getConfig();
        String endpoint = config.getValue("quarkus.oss.endpoint", String.class);
        String keyUrl = config.getValue("quarkus.oss.callback.trusted-key-urls", String.class);
        assertThat(keyUrl).startsWith(endpoint + "/");

        HttpResponse<String> key = get(keyUrl);
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).contains("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void callbackBaseUrlReachesThisApplicationOnItsRandomPort() throws Exception {
        String baseUrl = ConfigProvider.getConfig().getValue("quarkus.oss.callback.base-url", String.class);
        // the configured test port is 0; the base URL must carry the port the application really listens on
        assertThat(baseUrl).isEqualTo("http://localhost:" + RestAssured.port);
        assertThat(RestAssured.port).isPositive();

        HttpResponse<String> ping = get(baseUrl + "/devservices-ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
