package io.quarkiverse.alioss.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** The emulator's own signature checks accept the official SDK test vectors and refuse anything altered. */
class RequestAuthenticatorVectorsTest {

    private static final EmulatorCredentials AK_SK = new EmulatorCredentials("ak", "sk", "cn-hangzhou");
    private static final String KEY = "1234+-/123/1.txt";

    private static RequestAuthenticator at(long epochSecond) {
        return new RequestAuthenticator(AK_SK, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static List<Map.Entry<String, String>> vectorQuery() {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        q.add(Map.entry("param1", "value1"));
        q.add(Map.entry("+param1", "value3"));
        q.add(Map.entry("|param1", "value4"));
        q.add(Map.entry("+param2", ""));
        q.add(Map.entry("|param2", ""));
        q.add(Map.entry("param2", ""));
        return q;
    }

    private static MultiMap vectorHeaders(String contentType) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("x-oss-head1", "value").add("abc", "value").add("ZAbc", "value").add("XYZ", "value")
                .add("content-type", contentType);
    }

    @Test
    void v4HeaderVectorT1() {
        MultiMap headers = vectorHeaders("text/plain").add("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
                .add("x-oss-date", "20231216T162057Z")
                .add("Authorization", "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                        + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
        SignedRequest request = new SignedRequest("PUT", "bucket", KEY, vectorQuery(), headers);
        assertThatCode(() -> at(1702743657L).authenticate(request)).doesNotThrowAnyException();

        headers.set("x-oss-head1", "changed");
        assertThatThrownBy(() -> at(1702743657L).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.details().get("StringToSign")).startsWith("OSS4-HMAC-SHA256\n20231216T162057Z\n");
                });
    }

    @Test
    void v4HeaderVectorT2WithAdditionalHeaders() {
        MultiMap headers = vectorHeaders("text/plain").add("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
                .add("x-oss-date", "20231216T172512Z")
                .add("Authorization", "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request, "
                        + "AdditionalHeaders=x-oss-no-exist;ZAbc;x-oss-head1;abc, "
                        + "Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f");
        SignedRequest request = new SignedRequest("PUT", "bucket", KEY, vectorQuery(), headers);
        assertThatCode(() -> at(1702747512L).authenticate(request)).doesNotThrowAnyException();
    }

    @Test
    void v4PresignedVectorT4AndItsExpiry() {
        List<Map.Entry<String, String>> query = vectorQuery();
        query.add(Map.entry("x-oss-signature-version", "OSS4-HMAC-SHA256"));
        query.add(Map.entry("x-oss-credential", "ak/20231217/cn-hangzhou/oss/aliyun_v4_request"));
        query.add(Map.entry("x-oss-date", "20231217T025437Z"));
        query.add(Map.entry("x-oss-expires", "599"));
        query.add(Map.entry("x-oss-signature", "a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe"));
        SignedRequest request = new SignedRequest("PUT", "bucket", KEY, query,
                vectorHeaders("application/octet-stream"));
        assertThatCode(() -> at(1702781677L + 10).authenticate(request)).doesNotThrowAnyException();
        assertThatThrownBy(() -> at(1702781677L + 600).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("AccessDenied");
                    assertThat(e.getMessage()).isEqualTo("Request has expired.");
                });
    }

    @Test
    void v4RefusesUnknownKeyAndSkewedTime() {
        MultiMap headers = vectorHeaders("text/plain").add("x-oss-date", "20231216T162057Z")
                .add("Authorization", "OSS4-HMAC-SHA256 Credential=other/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                        + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
        SignedRequest request = new SignedRequest("PUT", "bucket", KEY, vectorQuery(), headers);
        assertThatThrownBy(() -> at(1702743657L).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.code()).isEqualTo("InvalidAccessKeyId"));

        headers.set("Authorization", "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
        assertThatThrownBy(() -> at(1702743657L + 16 * 60).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.code()).isEqualTo("RequestTimeTooSkewed"));
    }

    @Test
    void v1HeaderVector() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==").add("Content-Type", "text/html")
                .add("Date", "Wed, 28 Dec 2022 10:27:41 GMT").add("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT")
                .add("x-oss-meta-author", "alice").add("x-oss-meta-magic", "abracadabra")
                .add("Authorization", "OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
        SignedRequest request = new SignedRequest("PUT", "examplebucket", "nelson", List.of(), headers);
        long time = 1672223261L; // 2022-12-28T10:27:41Z
        assertThatCode(() -> at(time).authenticate(request)).doesNotThrowAnyException();

        SignedRequest withAcl = new SignedRequest("PUT", "examplebucket", "nelson", List.of(Map.entry("acl", "")),
                headers.set("Authorization", "OSS ak:/afkugFbmWDQ967j1vr6zygBLQk="));
        assertThatCode(() -> at(time).authenticate(withAcl)).doesNotThrowAnyException();
        assertThatThrownBy(() -> at(time).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void v1PresignedVectorAndExpiry() {
        List<Map.Entry<String, String>> query = List.of(Map.entry("Expires", "1699807420"),
                Map.entry("OSSAccessKeyId", "ak"), Map.entry("Signature", "dcLTea+Yh9ApirQ8o8dOPqtvJXQ="),
                Map.entry("versionId", "versionId"));
        SignedRequest request = new SignedRequest("GET", "bucket", "key", query, MultiMap.caseInsensitiveMultiMap());
        assertThatCode(() -> at(1699807000L).authenticate(request)).doesNotThrowAnyException();
        assertThatThrownBy(() -> at(1699807421L).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.getMessage()).isEqualTo("Request has expired."));
    }

    @Test
    void anonymousRequestsAreDenied() {
        SignedRequest request = new SignedRequest("GET", "bucket", "key", List.of(), MultiMap.caseInsensitiveMultiMap());
        assertThatThrownBy(() -> at(0).authenticate(request))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
    }

    private static final String POLICY = "eyJleHBpcmF0aW9uIjoiMjAyMy0xMi0wM1QxMzoxMjoxMi4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZXhhbXBsZWJ1Y2tldCJ9LHsieC1vc3Mtc2lnbmF0dXJlLXZlcnNpb24iOiJPU1M0LUhNQUMtU0hBMjU2In0seyJ4LW9zcy1jcmVkZW50aWFsIjoiYWsvMjAyMzEyMDMvY24taGFuZ3pob3Uvb3NzL2FsaXl1bl92NF9yZXF1ZXN0In0seyJ4LW9zcy1kYXRlIjoiMjAyMzEyMDNUMTIxMjEyWiJ9LFsiY29udGVudC1sZW5ndGgtcmFuZ2UiLDEsMTAyNF1dfQ==";

    @Test
    void postPolicySignaturesV4AndV1() {
        long time = 1701605532L; // 2023-12-03T12:12:12Z
        Map<String, String> v4 = new HashMap<>(Map.of("policy", POLICY,
                "x-oss-signature-version", "OSS4-HMAC-SHA256",
                "x-oss-credential", "ak/20231203/cn-hangzhou/oss/aliyun_v4_request",
                "x-oss-date", "20231203T121212Z",
                "x-oss-signature", "a9d2bb5685784710427e7d5f6a0257be0a3ab2b70396e3d28cda4ab77d9c43cb"));
        assertThatCode(() -> at(time).authenticatePostPolicy(v4)).doesNotThrowAnyException();
        v4.put("x-oss-signature", "b9d2bb5685784710427e7d5f6a0257be0a3ab2b70396e3d28cda4ab77d9c43cb");
        assertThatThrownBy(() -> at(time).authenticatePostPolicy(v4))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));

        Map<String, String> v1 = new HashMap<>(Map.of("policy", POLICY, "ossaccesskeyid", "ak",
                "signature", "AQ94TXVOmj1cjPDn0WHjcYlWabw="));
        assertThatCode(() -> at(time).authenticatePostPolicy(v1)).doesNotThrowAnyException();
        v1.put("ossaccesskeyid", "nobody");
        assertThatThrownBy(() -> at(time).authenticatePostPolicy(v1))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.code()).isEqualTo("InvalidAccessKeyId"));
    }
}
