package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application refuses callbacks OSS did not sign, before the demo's method runs. (The in-process
 * {@link CallbackVerificationOnTest} also checks the logged reason; a packaged application is only seen over HTTP.)
 */
@QuarkusIntegrationTest
class ForgedCallbackIT {

    @Test
    void unsignedCallbackIsRefused() {
        given().contentType("application/x-www-form-urlencoded").body(CallbackVerificationOnTest.FORGED_BODY)
                .when().post("/oss/uploaded")
                .then().statusCode(403).body("reason", equalTo("verification failed"));
    }

    @Test
    void signatureFromAnUntrustedKeyUrlIsRefused() {
        String keyUrl = Base64.getEncoder()
                .encodeToString("http://attacker.example/key.pem".getBytes(StandardCharsets.UTF_8));
        given().contentType("application/x-www-form-urlencoded")
                .header("x-oss-pub-key-url", keyUrl)
                .header("Authorization", Base64.getEncoder().encodeToString(new byte[64]))
                .body(CallbackVerificationOnTest.FORGED_BODY)
                .when().post("/oss/uploaded")
                .then().statusCode(403).body("reason", equalTo("verification failed"));
    }
}
