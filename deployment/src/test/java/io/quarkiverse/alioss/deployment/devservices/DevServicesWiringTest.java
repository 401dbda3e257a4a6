package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.deployment.callback.RefusalRecords;
import io.quarkiverse.alioss.emulator.server.OssServer;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.vertx.ext.web.Router;

/**
 * No OSS settings at all and a random test port: Dev Services starts the emulator and wires endpoint, credentials,
 * region, bucket, the emulator's key URL as trusted and a callback base URL that reaches this application. With no
 * token secret configured, test mode generates one: an upload's callback passes signature and token alike, and one
 * without the token is refused.
 */
class DevServicesWiringTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(PingRoute.class, Uploads.class, RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.buckets", "photos,archive");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ApplicationScoped
    static class PingRoute {
        void route(@Observes Router router) {
            router.get("/devservices-ping").handler(rc -> rc.response().end("pong"));
        }
    }

    @ApplicationScoped
    static class Uploads {
        static final AtomicInteger CALLS = new AtomicInteger();

        @OssCallback(path = "/oss/uploaded", name = "uploaded")
        Map<String, String> uploaded(OssUpload upload, @CallbackVar("user") String user) {
            CALLS.incrementAndGet();
            return Map.of("bucket", upload.bucket(), "object", upload.object(), "user", user);
        }
    }

    @Inject
    OssClient client;

    @Inject
    @CallbackTemplateName("uploaded")
    OssCallbackTemplate uploaded;

    @Test
    void uploadCallbackFromTheEmulatorPassesSignatureAndGeneratedToken() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.oss.callback.token.secret", String.class))
                .isEmpty();

        UploadResult result = client.putObject("wired/callback.txt", "wired".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().callback(uploaded.fill(Map.of("user", "alice"))));

        JsonNode reply = result.callbackReply().orElseThrow().asJson();
        assertThat(reply.get("bucket").asText()).isEqualTo("photos");
        assertThat(reply.get("object").asText()).isEqualTo("wired/callback.txt");
        assertThat(reply.get("user").asText()).isEqualTo("alice");
    }

    @Test
    void uploadCallbackWithoutTheGeneratedTokenIsRefused() {
        RefusalRecords refusals = RefusalRecords.capture();
        int before = Uploads.CALLS.get();
        OssCallbackSpec filled = uploaded.fill(Map.of("user", "alice"));
        OssCallbackSpec withoutToken = OssCallbackSpec.builder().urls(filled.urls()).body(filled.body())
                .bodyType(filled.bodyType()).vars(filled.vars()).build();

        assertThatThrownBy(() -> client.putObject("wired/untokened.txt", new byte[] { 1 },
                UploadOptions.defaults().callback(withoutToken)))
                .isInstanceOfSatisfying(OssCallbackFailedException.class,
                        e -> assertThat(e.ossMessage()).contains("Error status : 403"));
        assertThat(Uploads.CALLS.get()).isEqualTo(before);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISSING");
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
        String keyUrl = endpoint + OssServer.CALLBACK_KEY_PATH;
        // pinned as PEM, so nothing is fetched and a key URL in http is never needed
        String pinned = config.getValue(OssConfigKeys.callbackTrustedKey(keyUrl), String.class);
        assertThat(config.getOptionalValue("quarkus.oss.callback.trusted-key-urls", String.class)).isEmpty();

        HttpResponse<String> key = get(keyUrl);
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).contains("-----BEGIN PUBLIC KEY-----").isEqualTo(pinned);
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
