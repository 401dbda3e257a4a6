package io.quarkiverse.alioss.runtime.signing;

import static io.quarkiverse.alioss.runtime.signing.SdkOracle.ISO_BASIC;
import static io.quarkiverse.alioss.runtime.signing.SdkOracle.REGION;
import static io.quarkiverse.alioss.runtime.signing.SdkOracle.credentials;
import static io.quarkiverse.alioss.runtime.signing.SdkOracle.ours;
import static io.quarkiverse.alioss.runtime.signing.SdkOracle.sdk;
import static io.quarkiverse.alioss.runtime.signing.SdkOracle.sdkCredentials;
import static io.quarkiverse.alioss.runtime.signing.SdkOracle.sdkParams;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.common.utils.DateUtil;
import com.aliyun.oss.internal.signer.OSSSignerBase;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import com.aliyun.oss.internal.signer.OSSV4Signer;

import io.quarkiverse.alioss.runtime.signing.SdkOracle.Case;

/**
 * Cross-checks against the official Java SDK (aliyun-sdk-oss, test scope only) on tricky keys and parameters. The SDK
 * signs with its own clock, so each check reads the time the SDK used back from its output and signs with that.
 */
class SdkOracleSignerTest {

    static Stream<String> trickyKeys() {
        return Stream.of("plain.txt", "a b.txt", "a+b.txt", "~tilde/x", "50%off", "目录/文件 1.png", "dir//double/",
                "a*b'c(d)!e", "emoji😀.bin", "k?x=1&y#z", "é/ü/ß", "1234+-/123/1.txt", "sp ace+plus%pct~");
    }

    static Case caseFor(String key) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("versionId", "v 1+2");
        query.put("response-content-type", "text/plain; charset=utf-8");
        query.put("x-oss-process", "image/resize,w_100");
        query.put("prefix", "a/b c");
        query.put("acl", null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "image/png");
        headers.put("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==");
        headers.put("x-oss-meta-Author", " alice ");
        headers.put("x-oss-callback", "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9leGFtcGxlLmNvbS9jYiJ9");
        headers.put("x-oss-callback-var", "eyJ4OnVpZCI6IjEyMzQ1In0=");
        headers.put("X-Custom", "custom");
        headers.put("Host", "bucket.oss-cn-hangzhou.aliyuncs.com");
        return new Case("PUT", key, query, headers);
    }

    static Stream<Object[]> keysWithCredentials() {
        return trickyKeys().flatMap(key -> Stream.of(new Object[] { key, false }, new Object[] { key, true }));
    }

    @ParameterizedTest(name = "V4 header, key [{0}], sts={1}")
    @MethodSource("keysWithCredentials")
    void v4HeaderAuthMatchesTheSdk(String key, boolean sts) throws Exception {
        Case c = caseFor(key);
        Set<String> additional = Set.of("x-custom", "Host", "x-oss-meta-author", "absent");
        RequestMessage message = sdk(c, additional);
        OSSSignerBase.createRequestSigner(SignVersion.V4, sdkParams(c, sdkCredentials(sts))).sign(message);
        Instant sdkTime = ISO_BASIC.parse(message.getHeaders().get("x-oss-date"), Instant::from);

        SignableRequest request = ours(c).additionalHeaders(additional);
        new OssV4Signer(REGION).signHeaders(request, credentials(sts), sdkTime);

        assertThat(request.header("Authorization")).isEqualTo(message.getHeaders().get("Authorization"))
                .contains("AdditionalHeaders=host;x-custom");
        assertThat(request.header("x-oss-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
        assertThat(request.header("x-oss-security-token")).isEqualTo(message.getHeaders().get("x-oss-security-token"));
    }

    @ParameterizedTest(name = "V4 presign, key [{0}]")
    @MethodSource("trickyKeys")
    void v4PresignMatchesTheSdk(String key) throws Exception {
        Case c = caseFor(key);
        Set<String> additional = Set.of("X-Custom");
        RequestMessage message = sdk(c, Set.of());
        OSSSignerParams params = sdkParams(c, sdkCredentials(false));
        params.setExpiration(new Date(System.currentTimeMillis() + 3_600_000));
        params.setAdditionalHeaderNames(additional);
        OSSSignerBase.createRequestPresigner(SignVersion.V4, params).presign(message);
        Map<String, String> sdkQuery = message.getParameters();
        Instant sdkTime = ISO_BASIC.parse(sdkQuery.get("x-oss-date"), Instant::from);
        Duration validity = Duration.ofSeconds(Long.parseLong(sdkQuery.get("x-oss-expires")));

        List<QueryParam> added = new OssV4Signer(REGION).presign(ours(c).additionalHeaders(additional),
                credentials(false), sdkTime, validity);

        Map<String, String> ourQuery = OssV4SignerVectorsTest.toMap(added);
        assertThat(ourQuery.get("x-oss-signature")).isEqualTo(sdkQuery.get("x-oss-signature"));
        assertThat(ourQuery.get("x-oss-credential")).isEqualTo(sdkQuery.get("x-oss-credential"));
        assertThat(ourQuery.get("x-oss-additional-headers")).isEqualTo(sdkQuery.get("x-oss-additional-headers"))
                .isEqualTo("x-custom");
    }

    @ParameterizedTest(name = "V4 PostObject policy [{0}]")
    @MethodSource("trickyKeys")
    void v4PolicySignatureMatchesTheSdk(String key) {
        Instant time = Instant.parse("2024-02-29T23:59:59Z");
        String policy = "{\"expiration\":\"2024-03-01T00:59:59.000Z\",\"conditions\":[[\"eq\",\"$key\",\"" + key + "\"]]}";
        OSSV4Signer sdkSigner = (OSSV4Signer) OSSSignerBase.createRequestSigner(SignVersion.V4,
                sdkParams(caseFor(key), sdkCredentials(false)));

        Map<String, String> fields = new OssV4Signer(REGION).postObjectFields(policy, credentials(false), time);

        String policyBase64 = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        assertThat(fields.get("policy")).isEqualTo(policyBase64);
        assertThat(fields.get("x-oss-signature")).isEqualTo(sdkSigner.signPolicy(policyBase64, Date.from(time)));
    }

    @ParameterizedTest(name = "V1 header, key [{0}], sts={1}")
    @MethodSource("keysWithCredentials")
    void v1HeaderAuthMatchesTheSdk(String key, boolean sts) throws Exception {
        Case c = caseFor(key);
        RequestMessage message = sdk(c, Set.of());
        OSSSignerBase.createRequestSigner(SignVersion.V1, sdkParams(c, sdkCredentials(sts))).sign(message);
        Instant sdkTime = DateUtil.parseRfc822Date(message.getHeaders().get("Date")).toInstant();

        SignableRequest request = ours(c);
        new OssV1Signer().signHeaders(request, credentials(sts), sdkTime);

        assertThat(request.header("Date")).isEqualTo(message.getHeaders().get("Date"));
        assertThat(request.header("Authorization")).isEqualTo(message.getHeaders().get("Authorization"));
    }

    @ParameterizedTest(name = "V1 presign, key [{0}], sts={1}")
    @MethodSource("keysWithCredentials")
    void v1PresignMatchesTheSdk(String key, boolean sts) throws Exception {
        Case c = caseFor(key);
        Instant expiresAt = Instant.parse("2030-01-02T03:04:05Z");
        RequestMessage message = sdk(c, Set.of());
        OSSSignerParams params = sdkParams(c, sdkCredentials(sts));
        params.setExpiration(Date.from(expiresAt));
        OSSSignerBase.createRequestPresigner(SignVersion.V1, params).presign(message);

        List<QueryParam> added = new OssV1Signer().presignUntil(ours(c), credentials(sts), expiresAt);

        Map<String, String> ourQuery = OssV4SignerVectorsTest.toMap(added);
        assertThat(ourQuery.get("Signature")).isEqualTo(message.getParameters().get("Signature"));
        assertThat(ourQuery.get("Expires")).isEqualTo(message.getParameters().get("Expires"));
        assertThat(ourQuery.get("security-token")).isEqualTo(message.getParameters().get("security-token"));
    }

    /** The SDK's public presigned-URL API end to end: its URL path must be our encoded path and signatures agree. */
    @ParameterizedTest(name = "client presigned URL, key [{0}]")
    @MethodSource("trickyKeys")
    void presignedUrlsFromTheSdkClientMatch(String key) throws Exception {
        Date expiration = Date.from(Instant.parse("2030-01-02T03:04:05Z"));
        OSS v1Client = new OSSClientBuilder().build("http://127.0.0.1:9", "ak", "sk");
        ClientBuilderConfiguration v4Config = new ClientBuilderConfiguration();
        v4Config.setSignatureVersion(SignVersion.V4);
        OSS v4Client = OSSClientBuilder.create().endpoint("http://127.0.0.1:9").region(REGION)
                .credentialsProvider(new com.aliyun.oss.common.auth.DefaultCredentialProvider("ak", "sk"))
                .clientConfiguration(v4Config).build();
        try {
            URL v1Url = v1Client.generatePresignedUrl("bucket", key, expiration, HttpMethod.GET);
            // The SDK's URL builder escapes '~' although RFC 3986 leaves it unreserved; servers treat both alike.
            assertThat(v1Url.getPath().replace("%7E", "~")).isEqualTo(OssUriEncoder.encodePath("/bucket/" + key));
            List<QueryParam> v1 = new OssV1Signer().presignUntil(SignableRequest.forObject("GET", "bucket", key),
                    credentials(false), expiration.toInstant());
            assertThat(UrlQueries.decoded(v1Url).get("Signature")).isEqualTo(OssV4SignerVectorsTest.toMap(v1).get("Signature"));

            Date withinSevenDays = new Date(System.currentTimeMillis() + 3_600_000);
            URL v4Url = v4Client.generatePresignedUrl("bucket", key, withinSevenDays, HttpMethod.GET);
            Map<String, String> v4Query = UrlQueries.decoded(v4Url);
            Instant signedAt = ISO_BASIC.parse(v4Query.get("x-oss-date"), Instant::from);
            List<QueryParam> v4 = new OssV4Signer(REGION).presign(SignableRequest.forObject("GET", "bucket", key),
                    credentials(false), signedAt, Duration.ofSeconds(Long.parseLong(v4Query.get("x-oss-expires"))));
            assertThat(v4Query.get("x-oss-signature")).isEqualTo(OssV4SignerVectorsTest.toMap(v4).get("x-oss-signature"));
        } finally {
            v1Client.shutdown();
            v4Client.shutdown();
        }
    }

}
