package io.quarkiverse.alioss.deployment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A bucket OSS does not know makes the readiness check DOWN with OSS's status, error code and message. */
class MissingBucketReadinessTest {

    static final String CHECK = "Alibaba Cloud OSS bucket of the default OSS client";

    @RegisterExtension
    static final QuarkusUnitTest app = HealthEmulator.configure(new QuarkusUnitTest(),
            MissingBucketReadinessTest.class, "no-such-bucket");

    @Test
    void downWithOssStatusCodeAndMessage() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + CHECK + "' }.data.bucket", equalTo("no-such-bucket"))
                .body("checks.find { it.name == '" + CHECK + "' }.data.status", equalTo(404))
                .body("checks.find { it.name == '" + CHECK + "' }.data.code", equalTo("NoSuchBucket"));
    }
}
