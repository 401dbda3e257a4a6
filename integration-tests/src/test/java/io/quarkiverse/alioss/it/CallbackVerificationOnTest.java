package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Dev Services trusts the emulator's key but does not switch verification off: a callback that did not come from
 * the emulator is refused before the method runs.
 */
@QuarkusTest
class CallbackVerificationOnTest {

    @Test
    void unsignedCallbackIsRefused() {
        given()
                .contentType("application/x-www-form-urlencoded")
                .body("object=uploads%2Fforged.png&size=1&x%3Asource=server")
                .when().post("/oss/uploaded")
                .then().statusCode(greaterThanOrEqualTo(400)).statusCode(lessThan(500));
    }

    @Test
    void callbackSignedWithAnUntrustedKeyUrlIsRefused() {
        given()
                .contentType("application/x-www-form-urlencoded")
                .header("x-oss-pub-key-url",
                        java.util.Base64.getEncoder().encodeToString("http://attacker.example/key.pem".getBytes()))
                .header("Authorization", java.util.Base64.getEncoder().encodeToString(new byte[64]))
                .body("object=uploads%2Fforged.png&size=1&x%3Asource=server")
                .when().post("/oss/uploaded")
                .then().statusCode(greaterThanOrEqualTo(400)).statusCode(lessThan(500));
    }
}
