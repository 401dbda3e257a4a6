package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * With Micrometer's Prometheus registry, {@code /q/metrics} shows the callbacks of the demo's endpoint by outcome and
 * refusal reason, and the client's requests by operation in the numbers the OSS emulator counted. Other tests of this
 * module share the application and the emulator (and some talk to the emulator without the application's client), so
 * the test compares what changed while it ran.
 */
@QuarkusTest
class MetricsTest {

    static final String CALLBACKS = "oss_callback_requests_seconds_count";
    static final String CLIENT_REQUESTS = "oss_client_requests_seconds_count";
    static final String FORGED_BODY = "bucket=default-bucket&object=uploads%2Fforged.png&size=1&x%3Asource=server";

    @Test
    void callbackOutcomesAndClientRequestsAreCounted() throws Exception {
        PrometheusText before = metrics();
        Map<String, Long> emulatorBefore = emulatorCounts();

        // one accepted callback: the demo uploads, the emulator calls the route back
        given().multiPart("file", "metrics.txt", "metrics".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/uploads").then().statusCode(200);
        // one forged callback, refused before the method runs
        given().contentType("application/x-www-form-urlencoded").body(FORGED_BODY)
                .when().post("/oss/uploaded").then().statusCode(403);
        given().when().get("/objects").then().statusCode(200);

        PrometheusText after = metrics();
        Map<String, String> accepted = Map.of("endpoint", UploadCallbacks.UPLOAD, "outcome", "accepted", "reason",
                "none");
        Map<String, String> forged = Map.of("endpoint", UploadCallbacks.UPLOAD, "outcome", "refused", "reason",
                "MISSING_AUTHORIZATION");
        assertThat(after.sum(CALLBACKS, accepted) - before.sum(CALLBACKS, accepted)).isEqualTo(1.0);
        assertThat(after.sum(CALLBACKS, forged) - before.sum(CALLBACKS, forged)).isEqualTo(1.0);
        assertThat(after.sum("oss_callback_reply_size_bytes_count", Map.of("endpoint", UploadCallbacks.UPLOAD))
                - before.sum("oss_callback_reply_size_bytes_count", Map.of("endpoint", UploadCallbacks.UPLOAD)))
                .isEqualTo(1.0);

        Map<String, Long> counted = changed(before.byLabel(CLIENT_REQUESTS, "operation", Map.of()),
                after.byLabel(CLIENT_REQUESTS, "operation", Map.of()));
        Map<String, Long> seen = changed(emulatorBefore, emulatorCounts());
        assertThat(counted).containsEntry("PutObject", 1L).containsKey("ListObjectsV2");
        assertThat(counted).isEqualTo(seen);
        assertThat(after.sum("oss_client_bytes_sent_bytes_total", Map.of())
                - before.sum("oss_client_bytes_sent_bytes_total", Map.of())).isGreaterThanOrEqualTo(7.0);
    }

    private static PrometheusText metrics() {
        return new PrometheusText(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The emulator's request counts by operation; its URL is the application's {@code quarkus.oss.endpoint}. */
    private static Map<String, Long> emulatorCounts() throws Exception {
        String endpoint = ConfigProvider.getConfig().getValue("quarkus.oss.endpoint", String.class);
        HttpResponse<String> counts = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + "/__emulator/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(counts.statusCode()).isEqualTo(200);
        return new ObjectMapper().readValue(counts.body(), new TypeReference<Map<String, Long>>() {
        });
    }

    /** The operations whose count changed, with the change. */
    private static <N extends Number> Map<String, Long> changed(Map<String, N> before, Map<String, N> after) {
        Map<String, Long> changed = new TreeMap<>();
        Map<String, N> earlier = new HashMap<>(before);
        after.forEach((operation, count) -> {
            long delta = count.longValue() - (earlier.containsKey(operation) ? earlier.get(operation).longValue() : 0);
            if (delta != 0) {
                changed.put(operation, delta);
            }
        });
        return changed;
    }
}
