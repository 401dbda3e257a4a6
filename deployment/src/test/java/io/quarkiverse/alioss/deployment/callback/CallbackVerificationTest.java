package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

/**
 * A callback reaches the method only when signed by a trusted key and sent with the declared body type; every other
 * request is refused with the one refusal reply ("verification failed" for every signature problem) and its precise
 * code in the log. The callback token is switched off here, so that these tests see the signature check alone.
 */
class CallbackVerificationTest {

    static final String PATH = "/oss/ping";
    static final String BODY = "bucket=b&object=a.txt";
    /** Trusted, but nothing serves it: the key cannot be fetched. */
    static final String UNREACHABLE_KEY_URL = "http://127.0.0.1:1/unreachable_pub_key.pem";
    static final String VERIFICATION_FAILED = "{\"status\":\"error\",\"code\":403,\"reason\":\"verification failed\"}";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Pings.class, TestCallbackKeys.class, SignedCallbacks.class,
                    RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls",
                    TestCallbackKeys.keyUrl() + "," + UNREACHABLE_KEY_URL)
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false");

    @ApplicationScoped
    static class Pings {
        static final AtomicInteger CALLS = new AtomicInteger();

        @OssCallback(path = PATH, name = "ping")
        void ping(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
        }
    }

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        Pings.CALLS.set(0);
        refusals = RefusalRecords.capture();
    }

    @Test
    void signedCallbackReachesTheMethodAndIsAcknowledged() {
        SignedCallbacks.post(PATH, SignedCallbacks.FORM, BODY)
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .header("Content-Length", String.valueOf("{\"status\":\"OK\"}".length()))
                .body(equalTo("{\"status\":\"OK\"}"));
        assertThat(Pings.CALLS).hasValue(1);
        assertThat(refusals.codes()).isEmpty();
    }

    @Test
    void forgedSignatureIsRefusedWithoutInvokingTheMethod() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String signatureOfOtherBody = TestCallbackKeys.sign(PATH,
                "bucket=b&object=other.txt".getBytes(StandardCharsets.UTF_8));
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, signatureOfOtherBody, TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("BAD_SIGNATURE");
    }

    @Test
    void untrustedKeyUrlIsRefusedWithoutInvokingTheMethod() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String untrusted = TestCallbackKeys.base64("http://localhost:1/evil.pem");
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, TestCallbackKeys.sign(PATH, body), untrusted)
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("UNTRUSTED_KEY_URL");
    }

    /** Not the sender's fault: 503, so that OSS may try again. */
    @Test
    void trustedKeyThatCannotBeFetchedIs503WithoutInvokingTheMethod() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, TestCallbackKeys.sign(PATH, body),
                TestCallbackKeys.base64(UNREACHABLE_KEY_URL))
                .then().statusCode(503)
                .body(equalTo("{\"status\":\"error\",\"code\":503,\"reason\":\"verification failed\"}"));
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("503 KEY_UNAVAILABLE");
    }

    @Test
    void missingAuthorizationIsRefusedWithoutInvokingTheMethod() {
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, BODY.getBytes(StandardCharsets.UTF_8), null,
                TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("MISSING_AUTHORIZATION");
    }

    @Test
    void signatureOverAnotherPathIsRefused() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SignedCallbacks.send(PATH, SignedCallbacks.FORM, body, TestCallbackKeys.sign("/oss/other", body),
                TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("BAD_SIGNATURE");
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        byte[] body = ("bucket=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);
        // an input stream of unknown length is sent chunked: no Content-Length to refuse early
        HttpRequest request = signedRequest(SignedCallbacks.FORM, body)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("BODY_TOO_LARGE");
    }

    /** The media type must be the declared body type's; its parameters (a charset) do not matter. */
    @Test
    void contentTypeOtherThanTheDeclaredBodyTypeIs415() throws Exception {
        assertThat(postSigned(SignedCallbacks.JSON).statusCode()).isEqualTo(415);
        assertThat(postSigned("text/plain").statusCode()).isEqualTo(415);
        HttpResponse<String> untyped = HttpClient.newHttpClient().send(signedRequest(null, BODY.getBytes(
                StandardCharsets.UTF_8)).POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.body())
                .isEqualTo("{\"status\":\"error\",\"code\":415,\"reason\":\"callback content type not accepted\"}");
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("CONTENT_TYPE", "CONTENT_TYPE", "CONTENT_TYPE");

        assertThat(postSigned("Application/X-WWW-Form-Urlencoded; charset=UTF-8").statusCode()).isEqualTo(200);
        assertThat(Pings.CALLS).hasValue(1);
    }

    /**
     * The route takes POST only. A GET is answered 404 ("Resource not found"), not 405: RESTEasy Reactive, on this
     * module's test class path for the resource-method callback tests, answers every request no route took. The
     * callback pipeline never sees it.
     */
    @Test
    void onlyPostIsRouted() {
        RestAssured.given().get(PATH).then().statusCode(404);
        assertThat(Pings.CALLS).hasValue(0);
        assertThat(refusals.codes()).isEmpty();
    }

    /** {@link #BODY}, signed, with the Content-Type header {@code contentType}. */
    private static HttpResponse<String> postSigned(String contentType) throws Exception {
        HttpRequest request = signedRequest(contentType, BODY.getBytes(StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the route with the signature headers for {@code body} and, unless null, a Content-Type. */
    private static HttpRequest.Builder signedRequest(String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + PATH))
                .header("authorization", TestCallbackKeys.sign(PATH, body))
                .header("x-oss-pub-key-url", TestCallbackKeys.keyUrlHeader());
        return contentType == null ? request : request.header("content-type", contentType);
    }
}
