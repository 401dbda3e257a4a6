package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/** A callback reaches the method only when signed by a trusted key; every other request is refused with 403. */
class CallbackVerificationTest {

    static final String PATH = "/oss/ping";
    static final String BODY = "bucket=b&object=a.txt";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Pings.class, TestCallbackKeys.class, SignedCallbacks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false");

    @ApplicationScoped
    static class Pings {
        static final AtomicInteger CALLS = new AtomicInteger();

        @OssCallback(path = PATH, name = "ping")
        void ping(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
        }
    }

    @BeforeEach
    void reset() {
        Pings.CALLS.set(0);
    }

    @Test
    void signedCallbackReachesTheMethodAndIsAcknowledged() {
        SignedCallbacks.post(PATH, SignedCallbacks.FORM, BODY)
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .header("Content-Length", String.valueOf("{\"status\":\"OK\"}".length()))
                .body(equalTo("{\"status\":\"OK\"}"));
        assertThat(Pings.CALLS).hasValue(1);
    }

    @Test
    void forgedSignatureIsRefusedWithoutInvokingTheMethod() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String signatureOfOtherBody = TestCallbackKeys.sign(PATH, "bucket=b&object=other.txt".getBytes());
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, signatureOfOtherBody, TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403).body("reason", containsString("BAD_SIGNATURE"));
        assertThat(Pings.CALLS).hasValue(0);
    }

    @Test
    void untrustedKeyUrlIsRefusedWithoutInvokingTheMethod() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String untrusted = TestCallbackKeys.base64("http://localhost:1/evil.pem");
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, TestCallbackKeys.sign(PATH, body), untrusted)
                .then().statusCode(403).body("reason", containsString("UNTRUSTED_KEY_URL"));
        assertThat(Pings.CALLS).hasValue(0);
    }

    @Test
    void missingAuthorizationIsRefusedWithoutInvokingTheMethod() {
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, BODY.getBytes(StandardCharsets.UTF_8), null,
                TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403).body("reason", containsString("MISSING_AUTHORIZATION"));
        assertThat(Pings.CALLS).hasValue(0);
    }

    @Test
    void signatureOverAnotherPathIsRefused() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, TestCallbackKeys.sign("/oss/other", body),
                TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403);
        assertThat(Pings.CALLS).hasValue(0);
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        byte[] body = ("bucket=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);
        // an input stream of unknown length is sent chunked: no Content-Length to refuse early
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + PATH))
                .header("content-type", SignedCallbacks.FORM)
                .header("authorization", TestCallbackKeys.sign(PATH, body))
                .header("x-oss-pub-key-url", TestCallbackKeys.keyUrlHeader())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Pings.CALLS).hasValue(0);
    }

    @Test
    void onlyPostIsRouted() {
        // 405 from the router; 404 when RESTEasy Reactive (on this module's test class path, for the resource-method
        // callback tests) is present, as it answers every request no route took
        RestAssured.given().get(PATH).then().statusCode(anyOf(is(405), is(404)));
        assertThat(Pings.CALLS).hasValue(0);
    }
}
