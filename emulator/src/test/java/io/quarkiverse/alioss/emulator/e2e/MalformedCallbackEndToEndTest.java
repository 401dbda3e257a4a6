package io.quarkiverse.alioss.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;

import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Malformed callback parameters sent with a real upload (the SDK's PutObject with the x-oss-callback headers, and a
 * presigned PUT with them in the query) are refused with 400 InvalidArgument before anything is stored or called.
 */
class MalformedCallbackEndToEndTest {

    private static final String BUCKET = "malformed-bucket";

    @RegisterExtension
    static final CallbackRig RIG = new CallbackRig(BUCKET);

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String callbackJson(String url, String body) {
        return "{\"callbackUrl\":\"" + url + "\",\"callbackBody\":\"" + body + "\"}";
    }

    /** name, callback parameter, callback-var parameter (or null), OSS's message, the argument named. */
    static Stream<Arguments> malformed() {
        String url = RIG.receiver().url("/oss/never");
        String valid = base64(callbackJson(url, "bucket=${bucket}"));
        return Stream.of(
                Arguments.of("bad Base64", "not base64!", null,
                        "The callback configuration is not base64 encoded.", "callback"),
                Arguments.of("bad JSON", base64("{\"callbackUrl\":\"" + url + "\","), null,
                        "The callback configuration is not json format.", "callback"),
                Arguments.of("no callbackUrl", base64("{\"callbackBody\":\"bucket=${bucket}\"}"), null,
                        "The callback url configuration is invalid.", "callback"),
                Arguments.of("$ not followed by {", base64(callbackJson(url, "bucket=${bucket}&object=$(object)")),
                        null, "Left brace must be adjacent to dollar sign.", "callback"),
                Arguments.of("six URLs", base64(callbackJson(String.join(";", url, url, url, url, url, url),
                        "bucket=${bucket}")), null, "The number of callback url exceed max value.", "callback"),
                Arguments.of("variable key without x:", valid, base64("{\"uid\":\"42\"}"),
                        "The callback var is not expecten json.", "callback-var"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void sdkPutObjectWithMalformedCallbackHeadersIsInvalidArgument(String name, String callback, String callbackVar,
            String message, String argumentName) {
        String key = "header/" + slug(name);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setHeader("x-oss-callback", callback);
        if (callbackVar != null) {
            meta.setHeader("x-oss-callback-var", callbackVar);
        }
        RIG.receiver().reset();
        assertThatThrownBy(() -> RIG.oss().putObject(new PutObjectRequest(BUCKET, key,
                new ByteArrayInputStream(new byte[] { 1 }), meta)))
                .isInstanceOfSatisfying(OSSException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.getErrorMessage()).isEqualTo(message);
                    assertThat(e.getRawResponseError()).contains("<ArgumentName>" + argumentName + "</ArgumentName>");
                });
        assertNothingHappened(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void presignedPutWithMalformedCallbackQueryIs400InvalidArgument(String name, String callback,
            String callbackVar, String message, String argumentName) throws Exception {
        String key = "query/" + slug(name);
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, key,
                com.aliyun.oss.HttpMethod.PUT);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        request.addQueryParameter("callback", callback);
        if (callbackVar != null) {
            request.addQueryParameter("callback-var", callbackVar);
        }
        String target = RIG.oss().generatePresignedUrl(request).getFile();
        RIG.receiver().reset();
        try (RawHttp http = new RawHttp(RIG.emulator().port())) {
            RawHttp.Response response = http.send(HttpMethod.PUT, target, null, Buffer.buffer(new byte[] { 1 }));
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.text()).contains("<Code>InvalidArgument</Code>")
                    .contains("<Message>" + message + "</Message>")
                    .contains("<ArgumentName>" + argumentName + "</ArgumentName>");
        }
        assertNothingHappened(key);
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static void assertNothingHappened(String key) {
        assertThat(RIG.emulator().hasObject(BUCKET, key)).as("nothing stored under " + key).isFalse();
        assertThat(RIG.receiver().pending()).as("no callback made").isZero();
    }
}
