package io.quarkiverse.alioss.deployment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The readiness check is UP while OSS answers GetBucketInfo for the configured bucket, and DOWN with the reason once
 * OSS cannot be reached (the emulator is stopped).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BucketReadinessTest {

    static final String CHECK = "Alibaba Cloud OSS bucket of the default OSS client";

    @RegisterExtension
    static final QuarkusUnitTest app = HealthEmulator.configure(new QuarkusUnitTest(), BucketReadinessTest.class,
            HealthEmulator.BUCKET);

    @Test
    @Order(1)
    void upWhileTheBucketAnswers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + CHECK + "' }.data.bucket", equalTo(HealthEmulator.BUCKET))
                .body("checks.find { it.name == '" + CHECK + "' }.data.client", equalTo("<default>"));
    }

    @Test
    @Order(2)
    void downWithTheReasonOnceOssIsGone() throws Exception {
        HealthEmulator.stop(BucketReadinessTest.class);

        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + CHECK + "' }.data.status", equalTo(0))
                .body("checks.find { it.name == '" + CHECK + "' }.data.code", equalTo("ConnectionError"))
                .body("checks.find { it.name == '" + CHECK + "' }.data.message", not(equalTo("null")));
    }

    @Test
    @Order(3)
    void livenessDoesNotDependOnOss() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem(CHECK)));
    }
}
