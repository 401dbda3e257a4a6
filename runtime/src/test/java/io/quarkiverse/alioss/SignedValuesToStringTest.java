package io.quarkiverse.alioss;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PresignedRequest;

/** Presigned URLs and PostObject forms are bearer credentials: their toString must not leak the signed parts. */
class SignedValuesToStringTest {

    @Test
    void presignedRequestHidesSignatureAndToken() {
        PresignedRequest request = new PresignedRequest("PUT", URI.create("https://b.oss-cn-hangzhou.aliyuncs.com/a%20b.txt"
                + "?x-oss-credential=ak%2F20231217&x-oss-security-token=sts-token-value&x-oss-signature=deadbeefcafe"),
                Map.of("Content-Type", "text/plain"), Instant.EPOCH);

        String text = request.toString();

        assertThat(text).contains("PUT", "https://b.oss-cn-hangzhou.aliyuncs.com/a%20b.txt?***", "Content-Type")
                .doesNotContain("deadbeefcafe", "sts-token-value", "x-oss-signature", "ak%2F");
    }

    @Test
    void postObjectFormHidesFieldValuesButNamesTheKey() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "uploads/photo.png");
        fields.put("policy", "eyJleHBpcmF0aW9uIjoi");
        fields.put("x-oss-signature", "a9d2bb5685784710");
        fields.put("x-oss-security-token", "sts-token-value");
        PostObjectForm form = new PostObjectForm("https://b.oss-cn-hangzhou.aliyuncs.com", fields, Instant.EPOCH);

        String text = form.toString();

        assertThat(text).contains("uploads/photo.png", "x-oss-signature", "policy")
                .doesNotContain("a9d2bb5685784710", "sts-token-value", "eyJleHBpcmF0aW9uIjoi");
    }
}
