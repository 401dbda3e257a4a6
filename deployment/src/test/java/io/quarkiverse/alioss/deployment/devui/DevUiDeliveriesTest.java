package io.quarkiverse.alioss.deployment.devui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.vertx.ext.web.Router;

/**
 * The Dev UI's JSON-RPC methods in dev mode, against the Dev Services emulator: an upload through a template makes the
 * emulator call back, the delivery is in the journal as accepted, and its replay runs the method again; a refused
 * delivery is refused again, for the same reason, when replayed. One test does it through the page in headless Chromium.
 */
class DevUiDeliveriesTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Counted.class));

    DevUiDeliveriesTest() {
        super("quarkus-alioss");
    }

    @ApplicationScoped
    public static class Counted {
        static final AtomicInteger CALLS = new AtomicInteger();

        @OssCallback(path = "/oss/counted", name = "counted")
        String counted(@CallbackVar("user") String user) {
            CALLS.incrementAndGet();
            return user;
        }

        /** The count, for the test, which runs outside the application's class loader. */
        void calls(@Observes Router router) {
            router.get("/calls").handler(rc -> rc.end(String.valueOf(CALLS.get())));
        }
    }

    @Test
    void uploadShowsADeliveryThatReplaysAndARefusalThatStaysRefused() throws Exception {
        JsonNode templates = executeJsonRPCMethod("getTemplates");
        assertThat(templates).hasSize(1);
        assertThat(templates.get(0).get("path").asText()).isEqualTo("/oss/counted");
        assertThat(templates.get(0).get("variables").get(0).asText()).isEqualTo("x:user");
        assertThat(templates.get(0).get("callback").asText()).contains("\"callbackUrl\"", "oss-cb-token=");

        JsonNode upload = executeJsonRPCMethod("upload", Map.of("callback", "counted", "key", "dev-ui/a.txt",
                "content", "hello", "variables", Map.of("user", "alice")));
        assertThat(upload.get("status").asInt()).as("%s", upload).isEqualTo(200);
        assertThat(upload.get("reply").asText()).isEqualTo("\"alice\"");
        assertThat(calls()).isEqualTo(1);

        JsonNode delivered = executeJsonRPCMethod("getDeliveries").get(0);
        assertThat(delivered.get("callback").asText()).isEqualTo("counted");
        assertThat(delivered.get("outcome").asText()).isEqualTo("accepted");
        assertThat(delivered.get("status").asInt()).isEqualTo(200);
        assertThat(delivered.get("body").asText()).contains("x%3Auser=alice");
        assertThat(delivered.get("ossRequestId").asText()).isEqualTo(upload.get("requestId").asText());
        assertThat(delivered.get("authorization").asText()).as("never the whole signature").contains("chars)");

        JsonNode replayed = executeJsonRPCMethod("replay", Map.of("id", delivered.get("id").asLong()));
        assertThat(replayed.get("outcome").asText()).as("%s", replayed).isEqualTo("accepted");
        assertThat(replayed.get("replayOf").asLong()).isEqualTo(delivered.get("id").asLong());
        assertThat(calls()).as("the method ran again").isEqualTo(2);

        // anyone can POST to the route; without a signature it is refused, and so is its replay
        given().contentType("application/x-www-form-urlencoded").body("x%3Auser=mallory")
                .post("/oss/counted").then().statusCode(403);
        JsonNode forged = executeJsonRPCMethod("getDeliveries").get(0);
        assertThat(forged.get("outcome").asText()).isEqualTo("refused");
        assertThat(forged.get("code").asText()).isEqualTo("MISSING_AUTHORIZATION");

        JsonNode forgedAgain = executeJsonRPCMethod("replay", Map.of("id", forged.get("id").asLong()));
        assertThat(forgedAgain.get("outcome").asText()).isEqualTo("refused");
        assertThat(forgedAgain.get("code").asText()).isEqualTo("MISSING_AUTHORIZATION");
        assertThat(forgedAgain.get("replayOf").asLong()).isEqualTo(forged.get("id").asLong());
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void bucketsListTheUploadedObject() throws Exception {
        executeJsonRPCMethod("upload", Map.of("callback", "counted", "key", "dev-ui/listed.txt", "content", "x",
                "variables", Map.of("user", "bob")));
        JsonNode buckets = executeJsonRPCMethod("getObjects");
        assertThat(buckets).isNotEmpty();
        assertThat(buckets.get(0).get("objects").findValuesAsText("key")).contains("dev-ui/listed.txt");
    }

    /**
     * The same through the page itself in headless Chromium: Upload makes the emulator call back, the delivery shows up
     * in the grid as accepted, and its Replay button runs the method once more. Leaves a screenshot of the page in
     * {@code target/dev-ui-deliveries.png}.
     */
    @Test
    void deliveriesPageShowsAnUploadAndReplaysIt() throws Exception {
        assumeTrue(DeliveriesPage.browserInstalled(), "needs Debian's chromium and chromium-driver");
        int before = calls();
        // where RestAssured sends the other requests of this test
        int port = RestAssured.port == RestAssured.UNDEFINED_PORT ? RestAssured.DEFAULT_PORT : RestAssured.port;
        String devUi = RestAssured.baseURI + ":" + port + "/q/dev-ui/quarkus-alioss/deliveries";
        try (DeliveriesPage page = new DeliveriesPage(devUi, Path.of("target", "chromium"))) {
            page.upload("dev-ui/from-the-page.txt", "{\"user\":\"carol\"}");
            page.waitForMessage(message -> message.startsWith("Uploaded"));
            assertThat(page.message()).contains("dev-ui/from-the-page.txt: 200", "\"carol\"");
            List<String> uploaded = page.waitForRows(rows -> !rows.isEmpty() && rows.get(0).contains("accepted")).get(0);
            assertThat(uploaded).contains("counted", "200");
            assertThat(calls()).isEqualTo(before + 1);

            String id = uploaded.get(0);
            page.replayNewest();
            page.waitForMessage(message -> message.startsWith("Replay of #" + id + " is #"));
            assertThat(page.message()).endsWith(": accepted");
            List<String> replayed = page.waitForRows(rows -> rows.get(0).contains("#" + id)).get(0);
            assertThat(replayed).contains("counted", "accepted", "200");
            assertThat(calls()).as("the replay ran the method once more").isEqualTo(before + 2);
            page.screenshot(Path.of("target", "dev-ui-deliveries.png"));
        }
    }

    private static int calls() {
        return Integer.parseInt(given().get("/calls").then().statusCode(200).extract().asString());
    }
}
