package io.quarkiverse.alioss.runtime.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * The official V4 vectors T1..T6 (protocol reference §6.5, same expectations in the Go/Python/Java/PHP SDKs) and the
 * two extra worked examples, bit for bit.
 */
class OssV4SignerVectorsTest {

    static final OssCredentials AK_SK = OssCredentials.of("ak", "sk");
    static final OssCredentials AK_SK_TOKEN = OssCredentials.of("ak", "sk", "token");
    static final OssV4Signer SIGNER = new OssV4Signer("cn-hangzhou");

    /** The request shared by T1..T6: tricky key, six query parameters (three empty), mixed-case headers. */
    static SignableRequest vectorRequest(String contentType) {
        return SignableRequest.forObject("PUT", "bucket", "1234+-/123/1.txt")
                .query("param1", "value1").query("+param1", "value3").query("|param1", "value4")
                .query("+param2", "").query("|param2", "").query("param2", "")
                .header("x-oss-head1", "value").header("abc", "value").header("ZAbc", "value")
                .header("XYZ", "value").header("content-type", contentType);
    }

    static final String VECTOR_QUERY = "%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2";

    @Test
    void t1HeaderAuthCanonicalRequestAndAuthorization() {
        SignableRequest request = vectorRequest("text/plain").header("x-oss-content-sha256", "UNSIGNED-PAYLOAD");
        Instant time = Instant.ofEpochSecond(1702743657);

        SIGNER.signHeaders(request, AK_SK, time);

        String canonical = V4Canonicalizer.canonicalRequest(request, request.queryParams(),
                V4Canonicalizer.resolveAdditionalHeaders(request));
        assertThat(canonical).isEqualTo("PUT\n"
                + "/bucket/1234%2B-/123/1.txt\n"
                + VECTOR_QUERY + "\n"
                + "content-type:text/plain\n"
                + "x-oss-content-sha256:UNSIGNED-PAYLOAD\n"
                + "x-oss-date:20231216T162057Z\n"
                + "x-oss-head1:value\n"
                + "\n"
                + "\n"
                + "UNSIGNED-PAYLOAD");
        assertThat(SIGNER.stringToSign(canonical, time)).isEqualTo("OSS4-HMAC-SHA256\n"
                + "20231216T162057Z\n"
                + "20231216/cn-hangzhou/oss/aliyun_v4_request\n"
                + "f4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4");
        assertThat(request.header("x-oss-date")).isEqualTo("20231216T162057Z");
        assertThat(request.header("Authorization")).isEqualTo(
                "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                        + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
    }

    @Test
    void t1SetsUnsignedPayloadWhenTheCallerDidNot() {
        SignableRequest request = vectorRequest("text/plain");

        SIGNER.signHeaders(request, AK_SK, Instant.ofEpochSecond(1702743657));

        assertThat(request.header("x-oss-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(request.header("Authorization"))
                .endsWith("Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
    }

    @Test
    void t2HeaderAuthWithAdditionalHeaders() {
        SignableRequest request = vectorRequest("text/plain").additionalHeaders(List.of("ZAbc", "abc"));
        Instant time = Instant.ofEpochSecond(1702747512);

        SIGNER.signHeaders(request, AK_SK, time);

        String canonical = V4Canonicalizer.canonicalRequest(request, request.queryParams(),
                V4Canonicalizer.resolveAdditionalHeaders(request));
        assertThat(canonical).isEqualTo("PUT\n/bucket/1234%2B-/123/1.txt\n" + VECTOR_QUERY + "\n"
                + "abc:value\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\n"
                + "x-oss-date:20231216T172512Z\nx-oss-head1:value\nzabc:value\n\nabc;zabc\nUNSIGNED-PAYLOAD");
        assertThat(SigningCrypto.sha256Hex(canonical))
                .isEqualTo("16b86004ed2cc3406dd7a13081bd940ef6a5ad49e508da2d4fdf84e8a5dd2145");
        assertThat(request.header("Authorization")).isEqualTo(
                "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,"
                        + "Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f");
    }

    @Test
    void t2AbsentAndDefaultSignedAdditionalHeadersAreDropped() {
        SignableRequest request = vectorRequest("text/plain")
                .additionalHeaders(List.of("x-oss-no-exist", "ZAbc", "x-oss-head1", "abc"));

        SIGNER.signHeaders(request, AK_SK, Instant.ofEpochSecond(1702747512));

        assertThat(request.header("Authorization")).isEqualTo(
                "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,"
                        + "Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f");
    }

    @Test
    void t3HeaderAuthWithStsToken() {
        SignableRequest request = vectorRequest("text/plain");

        SIGNER.signHeaders(request, AK_SK_TOKEN, Instant.ofEpochSecond(1702784856));

        assertThat(request.header("x-oss-security-token")).isEqualTo("token");
        assertThat(request.header("Authorization")).isEqualTo(
                "OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,"
                        + "Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea");
    }

    @Test
    void t4PresignedCanonicalRequestAndSignature() {
        SignableRequest request = vectorRequest("application/octet-stream");
        Instant time = Instant.ofEpochSecond(1702781677);

        List<QueryParam> added = SIGNER.presign(request, AK_SK, time, Duration.ofSeconds(599));

        Map<String, String> params = toMap(added);
        assertThat(added).extracting(QueryParam::name).containsExactly("x-oss-signature-version", "x-oss-date",
                "x-oss-expires", "x-oss-credential", "x-oss-signature");
        assertThat(params).containsEntry("x-oss-signature-version", "OSS4-HMAC-SHA256")
                .containsEntry("x-oss-date", "20231217T025437Z")
                .containsEntry("x-oss-expires", "599")
                .containsEntry("x-oss-credential", "ak/20231217/cn-hangzhou/oss/aliyun_v4_request")
                .containsEntry("x-oss-signature", "a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe");

        List<QueryParam> signedQuery = new java.util.ArrayList<>(request.queryParams());
        signedQuery.addAll(added.subList(0, added.size() - 1));
        String canonical = V4Canonicalizer.canonicalRequest(request, signedQuery, java.util.Set.of());
        assertThat(canonical).isEqualTo("PUT\n/bucket/1234%2B-/123/1.txt\n" + VECTOR_QUERY
                + "&x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231217T025437Z"
                + "&x-oss-expires=599&x-oss-signature-version=OSS4-HMAC-SHA256\n"
                + "content-type:application/octet-stream\nx-oss-head1:value\n\n\nUNSIGNED-PAYLOAD");
        assertThat(SigningCrypto.sha256Hex(canonical))
                .isEqualTo("48814c11f278d51662015bf2f896b66ca10b6de0187ed8d952e341bbce0aa336");
        assertThat(request.header("x-oss-date")).as("presigning must not add headers").isNull();
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void t5PresignedWithStsToken() {
        List<QueryParam> added = SIGNER.presign(vectorRequest("application/octet-stream"), AK_SK_TOKEN,
                Instant.ofEpochSecond(1702785388), Duration.ofSeconds(599));

        assertThat(toMap(added)).containsEntry("x-oss-date", "20231217T035628Z")
                .containsEntry("x-oss-security-token", "token")
                .containsEntry("x-oss-signature", "3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5");
    }

    @Test
    void t6PresignedWithAdditionalHeaders() {
        for (List<String> names : List.of(List.of("ZAbc", "abc"), List.of("x-oss-no-exist", "abc", "x-oss-head1", "ZAbc"))) {
            List<QueryParam> added = SIGNER.presign(vectorRequest("application/octet-stream").additionalHeaders(names),
                    AK_SK, Instant.ofEpochSecond(1702783809), Duration.ofSeconds(599));

            assertThat(toMap(added)).as("additional headers %s", names)
                    .containsEntry("x-oss-date", "20231217T033009Z")
                    .containsEntry("x-oss-additional-headers", "abc;zabc")
                    .containsEntry("x-oss-signature", "6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7");
        }
    }

    @Test
    void cloudBoxProductAndRegionFromTheGoSdkVectors() {
        OssV4Signer cloudBox = new OssV4Signer("cb-123", "oss-cloudbox");
        SignableRequest header = vectorRequest("text/plain");
        cloudBox.signHeaders(header, AK_SK, Instant.ofEpochSecond(1702743657));
        assertThat(header.header("Authorization")).isEqualTo(
                "OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,"
                        + "Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43");

        List<QueryParam> added = cloudBox.presign(
                vectorRequest("application/octet-stream").additionalHeaders(List.of("ZAbc", "abc")), AK_SK,
                Instant.ofEpochSecond(1702781677), Duration.ofSeconds(599));
        assertThat(toMap(added)).containsEntry("x-oss-credential", "ak/20231217/cb-123/oss-cloudbox/aliyun_v4_request")
                .containsEntry("x-oss-signature", "07284191b9b4978ac3520cd39ee2dea2747eda454089359371ff463a6c7ba20f");
    }

    static final String CALLBACK_B64 = "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9jYi5leGFtcGxlLmNvbTo4MDgwL29zcy9jYWxsYmFjaz9zcmM9b3NzIiwi"
            + "Y2FsbGJhY2tCb2R5IjoiYnVja2V0PSR7YnVja2V0fSZvYmplY3Q9JHtvYmplY3R9JmV0YWc9JHtldGFnfSZzaXplPSR7c2l6ZX0mbWltZVR5cGU9"
            + "JHttaW1lVHlwZX0mdWlkPSR7eDp1aWR9IiwiY2FsbGJhY2tCb2R5VHlwZSI6ImFwcGxpY2F0aW9uL3gtd3d3LWZvcm0tdXJsZW5jb2RlZCJ9";
    static final String CALLBACK_VAR_B64 = "eyJ4OnVpZCI6IjEyMzQ1In0=";

    @Test
    void putObjectWithCallbackHeadersSignsBothCallbackHeaders() {
        SignableRequest request = SignableRequest.forObject("PUT", "examplebucket", "exampledir/example.txt")
                .header("Content-Type", "text/plain")
                .header("x-oss-callback", CALLBACK_B64)
                .header("x-oss-callback-var", CALLBACK_VAR_B64);
        Instant time = Instant.ofEpochSecond(1702743657);

        SIGNER.signHeaders(request, AK_SK, time);

        String canonical = V4Canonicalizer.canonicalRequest(request, request.queryParams(), java.util.Set.of());
        assertThat(canonical).isEqualTo("PUT\n/examplebucket/exampledir/example.txt\n\n"
                + "content-type:text/plain\nx-oss-callback:" + CALLBACK_B64 + "\nx-oss-callback-var:" + CALLBACK_VAR_B64
                + "\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\n\n\nUNSIGNED-PAYLOAD");
        assertThat(SigningCrypto.sha256Hex(canonical))
                .isEqualTo("7e656f38bb36739eb4b5e6adf91e63bd2355a82e7fc2028b151de43853ea2074");
        assertThat(request.header("Authorization")).isEqualTo(
                "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                        + "Signature=04c360b46f46c0dd75db35a3eb8c71527f37e5575fc2bc5347d77876015f3b89");
    }

    static final String POLICY_JSON = "{\"expiration\":\"2023-12-03T13:12:12.000Z\",\"conditions\":[{\"bucket\":\"examplebucket\"},"
            + "{\"x-oss-signature-version\":\"OSS4-HMAC-SHA256\"},{\"x-oss-credential\":\"ak/20231203/cn-hangzhou/oss/aliyun_v4_request\"},"
            + "{\"x-oss-date\":\"20231203T121212Z\"},[\"content-length-range\",1,1024]]}";
    static final String POLICY_B64 = "eyJleHBpcmF0aW9uIjoiMjAyMy0xMi0wM1QxMzoxMjoxMi4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZXhhbXBsZWJ1Y2tldCJ9LHsieC1vc3Mtc2lnbmF0dXJlLXZlcnNpb24iOiJPU1M0LUhNQUMtU0hBMjU2In0seyJ4LW9zcy1jcmVkZW50aWFsIjoiYWsvMjAyMzEyMDMvY24taGFuZ3pob3Uvb3NzL2FsaXl1bl92NF9yZXF1ZXN0In0seyJ4LW9zcy1kYXRlIjoiMjAyMzEyMDNUMTIxMjEyWiJ9LFsiY29udGVudC1sZW5ndGgtcmFuZ2UiLDEsMTAyNF1dfQ==";

    @Test
    void postObjectPolicySignature() {
        Instant time = Instant.parse("2023-12-03T12:12:12Z");

        Map<String, String> fields = SIGNER.postObjectFields(POLICY_JSON, AK_SK, time);

        assertThat(fields).containsExactly(
                Map.entry("policy", POLICY_B64),
                Map.entry("x-oss-signature-version", "OSS4-HMAC-SHA256"),
                Map.entry("x-oss-credential", "ak/20231203/cn-hangzhou/oss/aliyun_v4_request"),
                Map.entry("x-oss-date", "20231203T121212Z"),
                Map.entry("x-oss-signature", "a9d2bb5685784710427e7d5f6a0257be0a3ab2b70396e3d28cda4ab77d9c43cb"));
        assertThat(SIGNER.postPolicyConditions(AK_SK, time)).containsExactly(
                Map.entry("x-oss-signature-version", "OSS4-HMAC-SHA256"),
                Map.entry("x-oss-credential", "ak/20231203/cn-hangzhou/oss/aliyun_v4_request"),
                Map.entry("x-oss-date", "20231203T121212Z"));
    }

    @Test
    void postObjectWithStsTokenAddsTheTokenField() {
        Map<String, String> fields = SIGNER.postObjectFields(POLICY_JSON, AK_SK_TOKEN,
                Instant.parse("2023-12-03T12:12:12Z"));

        assertThat(fields).containsEntry("x-oss-security-token", "token")
                .containsEntry("x-oss-signature", "a9d2bb5685784710427e7d5f6a0257be0a3ab2b70396e3d28cda4ab77d9c43cb");
    }

    static Map<String, String> toMap(List<QueryParam> params) {
        return params.stream().collect(Collectors.toMap(QueryParam::name, QueryParam::value));
    }
}
