package io.quarkiverse.alioss.runtime.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;

/** The V1 vectors of protocol reference §6.6 (Go SDK v2 tests, documentation examples, callback worked example). */
class OssV1SignerVectorsTest {

    static final OssCredentials AK_SK = OssCredentials.of("ak", "sk");
    static final OssV1Signer SIGNER = new OssV1Signer();
    static final Instant DEC_28 = Instant.parse("2022-12-28T10:27:41Z");
    static final String DEC_28_HTTP = "Wed, 28 Dec 2022 10:27:41 GMT";

    static SignableRequest nelson() {
        return SignableRequest.forObject("PUT", "examplebucket", "nelson")
                .header("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==")
                .header("Content-Type", "text/html")
                .header("x-oss-meta-author", "alice")
                .header("x-oss-meta-magic", "abracadabra")
                .header("x-oss-date", DEC_28_HTTP);
    }

    @Test
    void headerAuthStringToSignAndAuthorization() {
        SignableRequest request = nelson();

        SIGNER.signHeaders(request, AK_SK, DEC_28);

        assertThat(V1Canonicalizer.stringToSign(request, request.queryParams(), request.header("x-oss-date")))
                .isEqualTo("PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\n" + DEC_28_HTTP + "\nx-oss-date:" + DEC_28_HTTP
                        + "\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson");
        assertThat(request.header("Date")).isEqualTo(DEC_28_HTTP);
        assertThat(request.header("Authorization")).isEqualTo("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
    }

    @Test
    void headerAuthWithAclSubResource() {
        SignableRequest request = nelson().queryFlag("acl");

        SIGNER.signHeaders(request, AK_SK, DEC_28);

        assertThat(request.header("Authorization")).isEqualTo("OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=");
    }

    @Test
    void bucketOperationSignsOnlySubResourcesSorted() {
        SignableRequest request = SignableRequest.forBucket("GET", "examplebucket")
                .queryFlag("resourceGroup").query("non-resousce", "null").header("x-oss-date", DEC_28_HTTP);
        SIGNER.signHeaders(request, AK_SK, DEC_28);
        assertThat(V1Canonicalizer.canonicalizedResource(request.resourcePath(), request.queryParams()))
                .isEqualTo("/examplebucket/?resourceGroup");
        assertThat(request.header("Authorization")).isEqualTo("OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=");

        SignableRequest twoSubResources = SignableRequest.forBucket("GET", "examplebucket")
                .queryFlag("resourceGroup").queryFlag("acl").header("x-oss-date", DEC_28_HTTP);
        SIGNER.signHeaders(twoSubResources, AK_SK, DEC_28);
        assertThat(twoSubResources.header("Authorization")).isEqualTo("OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=");
    }

    @Test
    void presignedWithVersionId() {
        SignableRequest request = SignableRequest.forObject("GET", "bucket", "key").query("versionId", "versionId");

        List<QueryParam> added = SIGNER.presignUntil(request, AK_SK, Instant.ofEpochSecond(1699807420));

        assertThat(added).containsExactly(QueryParam.of("Expires", "1699807420"), QueryParam.of("OSSAccessKeyId", "ak"),
                QueryParam.of("Signature", "dcLTea+Yh9ApirQ8o8dOPqtvJXQ="));
        assertThat(V1Canonicalizer.stringToSign(request, request.queryParams(), "1699807420"))
                .isEqualTo("GET\n\n\n1699807420\n/bucket/key?versionId=versionId");
        assertThat(OssUriEncoder.encodeComponent("dcLTea+Yh9ApirQ8o8dOPqtvJXQ="))
                .as("the client puts the signature into the URL encoded")
                .isEqualTo("dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D");
    }

    @Test
    void presignedWithStsTokenSignsTheTokenAsSubResource() {
        SignableRequest request = SignableRequest.forObject("GET", "bucket", "key+123").query("versionId", "versionId");

        List<QueryParam> added = SIGNER.presign(request, OssCredentials.of("ak", "sk", "token"),
                Instant.ofEpochSecond(1699808204 - 60), Duration.ofSeconds(60));

        assertThat(added).containsExactly(QueryParam.of("security-token", "token"), QueryParam.of("Expires", "1699808204"),
                QueryParam.of("OSSAccessKeyId", "ak"), QueryParam.of("Signature", "jzKYRrM5y6Br0dRFPaTGOsbrDhY="));
    }

    @Test
    void putObjectWithCallbackHeaders() {
        SignableRequest request = SignableRequest.forObject("PUT", "examplebucket", "exampledir/example.txt")
                .header("Content-Type", "text/plain")
                .header("x-oss-callback", OssV4SignerVectorsTest.CALLBACK_B64)
                .header("x-oss-callback-var", OssV4SignerVectorsTest.CALLBACK_VAR_B64);

        SIGNER.signHeaders(request, AK_SK, DEC_28);

        assertThat(V1Canonicalizer.stringToSign(request, request.queryParams(), DEC_28_HTTP)).isEqualTo(
                "PUT\n\ntext/plain\n" + DEC_28_HTTP + "\nx-oss-callback:" + OssV4SignerVectorsTest.CALLBACK_B64
                        + "\nx-oss-callback-var:" + OssV4SignerVectorsTest.CALLBACK_VAR_B64
                        + "\n/examplebucket/exampledir/example.txt");
        assertThat(request.header("Authorization")).isEqualTo("OSS ak:kqjFoUB8UvIhIT+f0dYMKwj7a6M=");
    }

    @Test
    void postObjectPolicySignature() {
        Map<String, String> fields = SIGNER.postObjectFields(OssV4SignerVectorsTest.POLICY_JSON, AK_SK, DEC_28);

        assertThat(fields).containsExactly(Map.entry("OSSAccessKeyId", "ak"),
                Map.entry("policy", OssV4SignerVectorsTest.POLICY_B64),
                Map.entry("Signature", "AQ94TXVOmj1cjPDn0WHjcYlWabw="));
        assertThat(SIGNER.postPolicyConditions(AK_SK, DEC_28)).isEmpty();
    }

    /**
     * The V1 header doc states 26NBxoKdsyly4EDv6inkoDft/yA= next to Content-MD5 eB5e...; that value belongs to the
     * Content-MD5 of its Python snippet. Both halves are pinned so a "fix" towards the doc table is caught.
     */
    @Test
    void documentationDiscrepancyPair() {
        OssCredentials docCredentials = OssCredentials.of("44CF9590006BF252F707", "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV");
        Instant date = Instant.parse("2005-11-17T18:49:58Z");

        assertThat(signDocExample("ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=", docCredentials, date))
                .isEqualTo("OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA=");
        assertThat(signDocExample("eB5eJF1ptWaXm4bijSPyxw==", docCredentials, date))
                .isEqualTo("OSS 44CF9590006BF252F707:hD208RWMpg77svXkQRwWXS+V5KQ=");
    }

    private static String signDocExample(String contentMd5, OssCredentials credentials, Instant date) {
        SignableRequest request = SignableRequest.forObject("PUT", "oss-example", "nelson")
                .header("Content-Md5", contentMd5)
                .header("Content-Type", "text/html")
                .header("Host", "oss-example.oss-cn-hangzhou.aliyuncs.com")
                .header("X-OSS-Meta-Author", "foo@bar.com")
                .header("X-OSS-Magic", "abracadabra");
        SIGNER.signHeaders(request, credentials, date);
        assertThat(request.header("Date")).isEqualTo("Thu, 17 Nov 2005 18:49:58 GMT");
        return request.header("Authorization");
    }

    @Test
    void httpDateKeepsTwoDigitDays() {
        assertThat(HttpDate.format(Instant.parse("2024-03-07T01:02:03Z")))
                .isEqualTo("Thu, 07 Mar 2024 01:02:03 GMT");
    }

    @Test
    void stsTokenHeaderIsSetAndSigned() {
        SignableRequest withToken = nelson();
        SIGNER.signHeaders(withToken, OssCredentials.of("ak", "sk", "token"), DEC_28);

        assertThat(withToken.header("x-oss-security-token")).isEqualTo("token");
        assertThat(withToken.header("Authorization")).startsWith("OSS ak:")
                .isNotEqualTo("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
    }

    @Test
    void nonPositiveValidityIsRejected() {
        SignableRequest request = SignableRequest.forObject("GET", "bucket", "key");
        assertThatThrownBy(() -> SIGNER.presign(request, AK_SK, DEC_28, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validity must be positive");
    }
}
