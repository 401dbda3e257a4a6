package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.Vertx;

/** Shapes of presigned URLs and PostObject forms (signature values themselves are covered by the signing tests). */
class PresignerTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    private VertxReactiveOssClient client(boolean v4, boolean pathStyle) {
        return new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create("https://oss-cn-hangzhou.aliyuncs.com"),
                "examplebucket", pathStyle, v4 ? new OssV4Signer("cn-hangzhou") : new OssV1Signer(),
                CountingSigner.CREDENTIALS));
    }

    @Test
    void v4PresignedGetCarriesTheSignatureParametersOnTheVirtualHostedUrl() {
        PresignedRequest url = client(true, false).presigner().presignGet("dir/a b.txt", Duration.ofMinutes(10));
        assertThat(url.method()).isEqualTo("GET");
        assertThat(url.url().getHost()).isEqualTo("examplebucket.oss-cn-hangzhou.aliyuncs.com");
        assertThat(url.url().getRawPath()).isEqualTo("/dir/a%20b.txt");
        assertThat(url.url().getRawQuery()).contains("x-oss-signature-version=OSS4-HMAC-SHA256", "x-oss-expires=600",
                "x-oss-credential=ak%2F", "x-oss-signature=");
        assertThat(url.expiresAt()).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(601));
    }

    @Test
    void presignedPutSignsContentTypeAndCallbackIntoTheUrl() {
        OssCallbackSpec callback = OssCallbackSpec.builder().url("https://app.example/cb").body("object=${object}")
                .var("x:user", "u1").build();
        PresignedRequest url = client(false, true).presigner()
                .presignPut(PresignPutRequest.forKey("k").validity(Duration.ofMinutes(5)).contentType("image/png")
                        .callback(callback));
        assertThat(url.url().getRawPath()).isEqualTo("/examplebucket/k");
        assertThat(url.signedHeaders()).containsEntry("Content-Type", "image/png");
        assertThat(url.url().getRawQuery()).contains("callback=" + callback.callbackBase64().replace("=", "%3D")
                .replace("+", "%2B").replace("/", "%2F"), "callback-var=", "OSSAccessKeyId=ak", "Signature=",
                "Expires=");
    }

    @Test
    void presignRejectsAnEmptyKey() {
        assertThatThrownBy(() -> client(true, false).presigner().presignGet("", Duration.ofMinutes(1)))
                .hasMessageContaining("key");
    }

    @Test
    void postObjectPolicyPinsKeySizeAndCallbackVariables() throws Exception {
        OssCallbackSpec callback = OssCallbackSpec.builder().url("https://app.example/cb")
                .body("object=${object}&user=${x:user}").var("x:user", "alice").build();
        PostObjectForm form = client(true, false).presigner().postObjectForm(PostObjectRequest.forKeyPrefix("uploads/")
                .sizeRange(1, 1024).validity(Duration.ofMinutes(30)).callback(callback));

        assertThat(form.url()).isEqualTo("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/");
        assertThat(form.fields().keySet()).containsSubsequence("key", "policy", "x-oss-signature-version",
                "x-oss-credential", "x-oss-date", "x-oss-signature", "callback", "x:user");
        assertThat(form.fields()).containsEntry("key", "uploads/").containsEntry("x:user", "alice")
                .containsEntry("callback", callback.callbackBase64());

        JsonNode policy = new ObjectMapper().readTree(Base64.getDecoder().decode(form.fields().get("policy")));
        assertThat(policy.get("expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String conditions = policy.get("conditions").toString();
        assertThat(conditions).contains("{\"bucket\":\"examplebucket\"}", "[\"content-length-range\",1,1024]",
                "[\"starts-with\",\"$key\",\"uploads/\"]", "{\"x:user\":\"alice\"}",
                "{\"callback\":\"" + callback.callbackBase64() + "\"}",
                "{\"x-oss-date\":\"" + form.fields().get("x-oss-date") + "\"}");
        assertThat(new String(Base64.getDecoder().decode(form.fields().get("policy")), StandardCharsets.UTF_8))
                .doesNotContain("sk");
    }
}
