package io.quarkiverse.alioss.runtime.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.alioss.credentials.OssCredentials;

/** The V4 canonical forms, on the inputs where implementations usually break. */
class V4CanonicalizerTest {

    @ParameterizedTest(name = "key [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "a b.txt | /bucket/a%20b.txt",
            "a+b.txt | /bucket/a%2Bb.txt",
            "~tilde | /bucket/~tilde",
            "50%off | /bucket/50%25off",
            "dir/sub/file | /bucket/dir/sub/file",
            "目录/文件 1.png | /bucket/%E7%9B%AE%E5%BD%95/%E6%96%87%E4%BB%B6%201.png",
            "a%2Fb | /bucket/a%252Fb",
    })
    void canonicalUriEncodesTheKeyButKeepsSlashes(String key, String expected) {
        assertThat(V4Canonicalizer.canonicalUri(SignableRequest.forObject("PUT", "bucket", key))).isEqualTo(expected);
    }

    @Test
    void canonicalUriForBucketOperations() {
        assertThat(V4Canonicalizer.canonicalUri(SignableRequest.forBucket("GET", "bucket"))).isEqualTo("/bucket/");
    }

    @Test
    void canonicalQuerySortsByEncodedNameAndWritesValuelessParamsBare() {
        List<QueryParam> query = List.of(QueryParam.of("prefix", "a b/c+d"), QueryParam.flag("uploads"),
                QueryParam.of("+x", "1"), QueryParam.of("Z", ""), QueryParam.of("max-keys", "10"),
                QueryParam.of("中", "文"));

        assertThat(V4Canonicalizer.canonicalQuery(query))
                .isEqualTo("%2Bx=1&%E4%B8%AD=%E6%96%87&Z&max-keys=10&prefix=a%20b%2Fc%2Bd&uploads");
    }

    @Test
    void canonicalQueryOfNothingIsEmpty() {
        assertThat(V4Canonicalizer.canonicalQuery(List.of())).isEmpty();
    }

    @Test
    void canonicalHeadersSignOssContentTypeAndMd5OnlyLowercasedAndTrimmed() {
        SignableRequest request = SignableRequest.forObject("PUT", "bucket", "key")
                .header("X-OSS-Callback", "  cb64 ")
                .header("x-oss-callback-var", "vars64")
                .header("Content-Type", "text/plain")
                .header("Content-MD5", "md5")
                .header("Host", "bucket.example.com")
                .header("Date", "Wed, 28 Dec 2022 10:27:41 GMT")
                .header("User-Agent", "test");

        assertThat(V4Canonicalizer.canonicalHeaders(request.headers(), Set.of()))
                .isEqualTo("content-md5:md5\ncontent-type:text/plain\nx-oss-callback:cb64\nx-oss-callback-var:vars64\n");
    }

    @Test
    void additionalHeadersAreLowercasedDeduplicatedSortedAndOnlyThosePresentAndNotDefaultSigned() {
        SignableRequest request = SignableRequest.forObject("PUT", "bucket", "key")
                .header("Host", "bucket.example.com").header("X-Custom", "1").header("content-type", "a/b")
                .additionalHeaders(List.of("x-custom", "HOST", "host", "Content-Type", "x-oss-meta-a", "absent",
                        " Host "));

        Set<String> resolved = V4Canonicalizer.resolveAdditionalHeaders(request);

        assertThat(resolved).containsExactly("host", "x-custom");
        assertThat(V4Canonicalizer.canonicalHeaders(request.headers(), resolved))
                .isEqualTo("content-type:a/b\nhost:bucket.example.com\nx-custom:1\n");
    }

    @Test
    void hashedPayloadIsTheContentSha256HeaderWhenTheCallerSignsThePayload() {
        String sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        SignableRequest request = SignableRequest.forObject("PUT", "bucket", "key").header("x-oss-content-sha256", sha);

        new OssV4Signer("cn-hangzhou").signHeaders(request, OssCredentials.of("ak", "sk"), Instant.EPOCH);

        assertThat(request.header("x-oss-content-sha256")).isEqualTo(sha);
        assertThat(V4Canonicalizer.canonicalRequest(request, List.of(), Set.of())).endsWith("\n" + sha);
    }
}
