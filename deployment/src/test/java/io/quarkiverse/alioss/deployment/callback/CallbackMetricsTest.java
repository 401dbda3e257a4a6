package io.quarkiverse.alioss.deployment.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A REST resource method and a generated route report their callbacks alike: accepted with the reply size, refused by
 * the intake (no signature, MISSING_AUTHORIZATION), and refused by the method itself (its own 409, METHOD_REFUSED); the
 * client counts the uploads by status (203 for the one whose callback the method refused).
 */
class CallbackMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class, RouteHooks.class, TestEmulator.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-micrometer-registry-prometheus",
                    Version.getVersion()))),
            "callback-metrics-test-secret-of-at-least-32-chars");

    @Path("/metrics-e2e")
    public static class Hooks {
        @POST
        @Path("rest")
        @OssCallback(name = "restHook")
        public RestResponse<Map<String, String>> hook(@CallbackVar("user") String user) {
            return user.equals("refused") ? RestResponse.status(RestResponse.Status.CONFLICT)
                    : RestResponse.ok(Map.of("user", user));
        }
    }

    @ApplicationScoped
    static class RouteHooks {
        @OssCallback(path = "/oss/metrics-route", name = "routeHook")
        String hook(@CallbackVar("user") String user) {
            return user;
        }
    }

    @Inject
    OssClient client;

    @Inject
    OssCallbackTemplates templates;

    @Test
    void restAndRouteCallbacksAreCountedByOutcomeAndReason() {
        byte[] content = "metrics".getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] { "restHook", "routeHook" }) {
            client.putObject("metrics/" + name + ".txt", content,
                    UploadOptions.defaults().callback(templates.get(name).fill(Map.of("user", "alice"))));
        }
        assertThatThrownBy(() -> client.putObject("metrics/refused.txt", content,
                UploadOptions.defaults().callback(templates.get("restHook").fill(Map.of("user", "refused")))))
                .isInstanceOf(OssCallbackFailedException.class);
        given().contentType("application/x-www-form-urlencoded").body("x%3Auser=mallory")
                .when().post("/oss/metrics-route").then().statusCode(403);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(
                "oss_callback_requests_seconds_count{endpoint=\"restHook\",outcome=\"accepted\",reason=\"none\"} 1.0",
                "oss_callback_requests_seconds_count{endpoint=\"routeHook\",outcome=\"accepted\",reason=\"none\"} 1.0",
                "oss_callback_requests_seconds_count{endpoint=\"routeHook\",outcome=\"refused\","
                        + "reason=\"MISSING_AUTHORIZATION\"} 1.0",
                "oss_callback_requests_seconds_count{endpoint=\"restHook\",outcome=\"refused\","
                        + "reason=\"METHOD_REFUSED\"} 1.0",
                "oss_callback_reply_size_bytes_count{endpoint=\"restHook\"} 1.0",
                "oss_callback_reply_size_bytes_sum{endpoint=\"routeHook\"} 7.0",
                "oss_client_requests_seconds_count{client=\"<default>\",operation=\"PutObject\",status=\"200\"} 2.0",
                "oss_client_requests_seconds_count{client=\"<default>\",operation=\"PutObject\",status=\"203\"} 1.0");
    }
}
