package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Dev Services trusts the emulator's key but does not switch verification off: a callback that OSS (the emulator) did
 * not sign is refused before the demo's method runs, for the precise reason the log names.
 */
@QuarkusTest
class CallbackVerificationOnTest {

    static final String FORGED_BODY = "bucket=default-bucket&object=uploads%2Fforged.png&size=1&x%3Asource=server";

    CallbackLogs logs;

    @BeforeEach
    void capture() {
        logs = CallbackLogs.capture();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void unsignedCallbackIsRefused() {
        given().contentType("application/x-www-form-urlencoded").body(FORGED_BODY)
                .when().post("/oss/uploaded")
                .then().statusCode(403).body("reason", equalTo("verification failed"));

        assertThat(logs.refusalCodes()).containsExactly("403 MISSING_AUTHORIZATION");
        assertThat(logs.receipts()).as("the demo's callback method did not run").isEmpty();
    }

    @Test
    void callbackSignedWithAnUntrustedKeyUrlIsRefused() {
        given().contentType("application/x-www-form-urlencoded")
                .header("x-oss-pub-key-url", base64("http://attacker.example/key.pem"))
                .header("Authorization", Base64.getEncoder().encodeToString(new byte[64]))
                .body(FORGED_BODY)
                .when().post("/oss/uploaded")
                .then().statusCode(403).body("reason", equalTo("verification failed"));

        assertThat(logs.refusalCodes()).containsExactly("403 UNTRUSTED_KEY_URL");
        assertThat(logs.receipts()).isEmpty();
    }

    /** The emulator's key is trusted; a signature it did not make is still refused. */
    @Test
    void forgedSignatureUnderTheTrustedEmulatorKeyIsRefused() {
        String emulatorKeyUrl = ConfigProvider.getConfig().getValue("quarkus.oss.endpoint", String.class)
                + "/__emulator/callback_pub_key.pem";
        given().contentType("application/x-www-form-urlencoded")
                .header("x-oss-pub-key-url", base64(emulatorKeyUrl))
                .header("Authorization", Base64.getEncoder().encodeToString(new byte[128]))
                .body(FORGED_BODY)
                .when().post("/oss/uploaded")
                .then().statusCode(403).body("reason", equalTo("verification failed"));

        assertThat(logs.refusalCodes()).containsExactly("403 BAD_SIGNATURE");
        assertThat(logs.receipts()).isEmpty();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
