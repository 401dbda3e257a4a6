package io.quarkiverse.alioss.runtime.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;

/** The V1 canonical forms, on the inputs where implementations usually break. */
class V1CanonicalizerTest {

    @Test
    void resourceIsTheRawKeyNotEncoded() {
        assertThat(V1Canonicalizer.canonicalizedResource("/bucket/a b+c~%/中文", List.of()))
                .isEqualTo("/bucket/a b+c~%/中文");
    }

    @Test
    void subResourcesAreSortedAndOthersDropped() {
        List<QueryParam> query = List.of(QueryParam.of("uploadId", "u1"), QueryParam.of("partNumber", "3"),
                QueryParam.of("prefix", "p"), QueryParam.of("max-keys", "5"), QueryParam.flag("uploads"),
                QueryParam.of("callback", "cb64"), QueryParam.of("callback-var", "vars64"),
                QueryParam.of("response-content-type", "text/plain"), QueryParam.of("x-oss-process", "image/resize,w_100"),
                QueryParam.of("versionId", "v1"), QueryParam.flag("acl"), QueryParam.of("x-oss-traffic-limit", "819200"),
                QueryParam.of("security-token", "token"));

        assertThat(V1Canonicalizer.canonicalizedResource("/bucket/key", query)).isEqualTo("/bucket/key"
                + "?acl&callback=cb64&callback-var=vars64&partNumber=3&response-content-type=text/plain"
                + "&security-token=token&uploadId=u1&uploads&versionId=v1&x-oss-process=image/resize,w_100"
                + "&x-oss-traffic-limit=819200");
    }

    @Test
    void emptyValuedSubResourceIsBare() {
        assertThat(V1Canonicalizer.canonicalizedResource("/bucket/", List.of(QueryParam.of("acl", ""))))
                .isEqualTo("/bucket/?acl");
    }

    @Test
    void ossHeadersIncludeCallbackHeadersLowercasedTrimmedSorted() {
        SignableRequest request = SignableRequest.forObject("PUT", "b", "k")
                .header("X-OSS-Callback-Var", " v ").header("x-oss-callback", "c").header("X-Oss-Meta-A", "1")
                .header("Content-Type", "t").header("Host", "h");

        assertThat(V1Canonicalizer.canonicalizedOssHeaders(request.headers()))
                .isEqualTo("x-oss-callback:c\nx-oss-callback-var:v\nx-oss-meta-a:1\n");
    }

    @Test
    void dateLineIsXOssDateWhenPresentElseDate() {
        OssV1Signer signer = new OssV1Signer();
        OssCredentials credentials = OssCredentials.of("ak", "sk");
        Instant time = Instant.parse("2022-12-28T10:27:41Z");

        SignableRequest withOssDate = SignableRequest.forObject("GET", "b", "k")
                .header("x-oss-date", "Thu, 29 Dec 2022 00:00:00 GMT");
        signer.signHeaders(withOssDate, credentials, time);
        SignableRequest expected = SignableRequest.forObject("GET", "b", "k")
                .header("x-oss-date", "Thu, 29 Dec 2022 00:00:00 GMT");
        String stringToSign = V1Canonicalizer.stringToSign(expected, List.of(), "Thu, 29 Dec 2022 00:00:00 GMT");
        assertThat(stringToSign).startsWith("GET\n\n\nThu, 29 Dec 2022 00:00:00 GMT\n");
        assertThat(withOssDate.header("Authorization")).isEqualTo("OSS ak:" + java.util.Base64.getEncoder()
                .encodeToString(SigningCrypto.hmacSha1("sk", stringToSign)));
    }
}
