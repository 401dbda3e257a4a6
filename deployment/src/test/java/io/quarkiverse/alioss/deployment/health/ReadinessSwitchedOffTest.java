package io.quarkiverse.alioss.deployment.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.oss.health.enabled=false} leaves OSS out of readiness, even with a bucket OSS does not know. */
class ReadinessSwitchedOffTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HealthEmulator.configure(new QuarkusUnitTest(), ReadinessSwitchedOffTest.class,
            "no-such-bucket")
            .overrideConfigKey("quarkus.oss.health.enabled", "false");

    @Test
    void noOssCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("Alibaba Cloud OSS bucket of the default OSS client")));
    }
}
