package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.testing.EmulatorObjects;
import io.quarkiverse.alioss.testing.OssTestKit;
import io.quarkus.test.junit.QuarkusTest;

/** The demo's server-side upload while the emulator refuses every PutObject, and again once the fault is cleared. */
@QuarkusTest
class TestKitFaultTest {

    final OssTestKit oss = OssTestKit.devServices();

    @AfterEach
    void clearFaults() {
        oss.faults().clear();
    }

    @Test
    void anUploadFailsWhilePutObjectFailsAndSucceedsAfterwards() {
        byte[] text = "fault test\n".getBytes(StandardCharsets.UTF_8);
        oss.faults().failAlways("PutObject");

        given().multiPart("file", "fault.txt", text, "text/plain")
                .when().post("/uploads")
                .then().statusCode(502)
                .body("error", containsString("ServiceUnavailable"));

        oss.faults().clear();

        String key = given().multiPart("file", "fault.txt", text, "text/plain")
                .when().post("/uploads")
                .then().statusCode(200)
                .body("size", equalTo(text.length))
                .extract().path("object");
        assertThat(oss.objects().text(key)).isEqualTo("fault test\n");
    }

    @Test
    void seededObjectsAreListedByTheDemo() {
        EmulatorObjects objects = oss.objects();
        objects.put(ObjectKeys.PREFIX + "seeded-by-kit.txt", "seeded");

        given().when().get("/objects")
                .then().statusCode(200)
                .body("key", hasItem(ObjectKeys.PREFIX + "seeded-by-kit.txt"));

        objects.delete(ObjectKeys.PREFIX + "seeded-by-kit.txt");
        assertThat(objects.exists(ObjectKeys.PREFIX + "seeded-by-kit.txt")).isFalse();
    }
}
