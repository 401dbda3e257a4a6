package io.quarkiverse.alioss.deployment.callback;

import static io.restassured.RestAssured.given;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Sends callbacks the way OSS does: POST, raw body, signed with the test key. */
final class SignedCallbacks {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs(FORM, ContentType.BINARY)
            .encodeContentTypeAs(JSON, ContentType.BINARY)
            .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private SignedCallbacks() {
    }

    /** @param target raw path and query as sent, e.g. {@code /oss/avatar?oss-cb-token=...} */
    static Response post(String target, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(target, contentType, bytes, TestCallbackKeys.sign(decodedPath(target), bytes),
                TestCallbackKeys.keyUrlHeader());
    }

    /**
     * Signs {@code signedTarget} (the request target the server receives) but posts to {@code requestPath}, for when
     * REST Assured adds {@code quarkus.http.root-path} itself.
     */
    static Response sendSignedAs(String signedTarget, String requestPath, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(requestPath, contentType, bytes, TestCallbackKeys.sign(decodedPath(signedTarget), bytes),
                TestCallbackKeys.keyUrlHeader());
    }

    static Response send(String target, String contentType, byte[] body, String authorization, String keyUrlHeader) {
        // send the bytes untouched, as OSS does: no form re-encoding, no charset appended
        var request = given().config(RAW).urlEncodingEnabled(false).contentType(contentType).body(body);
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        if (keyUrlHeader != null) {
            request.header("x-oss-pub-key-url", keyUrlHeader);
        }
        return request.post(target);
    }

    /** OSS signs the percent-decoded path followed by the raw query. */
    static String decodedPath(String target) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return query < 0 ? decoded : decoded + target.substring(query);
    }
}
