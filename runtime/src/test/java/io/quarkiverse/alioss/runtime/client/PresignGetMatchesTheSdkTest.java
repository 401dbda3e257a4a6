package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.ResponseHeaderOverrides;

import io.quarkiverse.alioss.presign.PresignGetRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkiverse.alioss.runtime.signing.UrlQueries;
import io.vertx.core.Vertx;

/**
 * A presigned GET with response header overrides and an image process is the URL the official SDK generates for the
 * same request (aliyun-sdk-oss, test scope): same path, same query, same signature. Signature V1, whose expiry is an
 * absolute time both can be given; signature V4 signs every query parameter, which {@code SdkOracleSignerTest} checks
 * with {@code x-oss-process} and {@code response-content-type} among them.
 */
class PresignGetMatchesTheSdkTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close();
    }

    @ParameterizedTest(name = "key [{0}]")
    @ValueSource(strings = { "photos/cat.png", "目录/a b+c.jpg", "x~y/(1)!.webp" })
    void overridesAndImageProcessAreSignedAsTheSdkSignsThem(String key) throws Exception {
        VertxReactiveOssClient client = new VertxReactiveOssClient(vertx, ClientOptions.of(
                URI.create("https://oss-cn-hangzhou.aliyuncs.com"), "examplebucket", false, new OssV1Signer(),
                CountingSigner.CREDENTIALS));
        PresignedRequest ours = client.presigner().presignGet(PresignGetRequest.forKey(key)
                .validity(Duration.ofMinutes(10))
                .responseContentType("image/webp")
                .responseContentDisposition("inline; filename=\"cat 1.webp\"")
                .responseCacheControl("max-age=3600")
                .process("image/resize,w_200/format,webp"));
        Map<String, String> ourQuery = UrlQueries.decoded(ours.url().toURL());

        OSS sdk = new OSSClientBuilder().build("https://oss-cn-hangzhou.aliyuncs.com", "ak", "sk");
        try {
            GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest("examplebucket", key, HttpMethod.GET);
            request.setExpiration(new Date(Long.parseLong(ourQuery.get("Expires")) * 1000));
            ResponseHeaderOverrides overrides = new ResponseHeaderOverrides();
            overrides.setContentType("image/webp");
            overrides.setContentDisposition("inline; filename=\"cat 1.webp\"");
            overrides.setCacheControl("max-age=3600");
            request.setResponseHeaders(overrides);
            request.setProcess("image/resize,w_200/format,webp");
            URL theirs = sdk.generatePresignedUrl(request);

            assertThat(ours.url().getHost()).isEqualTo(theirs.getHost());
            // the SDK's URL builder escapes '~' although RFC 3986 leaves it unreserved; servers treat both alike
            assertThat(ours.url().getRawPath()).isEqualTo(theirs.getPath().replace("%7E", "~"));
            assertThat(ourQuery).isEqualTo(UrlQueries.decoded(theirs));
            assertThat(ourQuery.get("x-oss-process")).isEqualTo("image/resize,w_200/format,webp");
        } finally {
            sdk.shutdown();
        }
    }

}
