package io.quarkiverse.alioss.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;

import io.quarkiverse.alioss.emulator.sdk.EmulatorWithSdk;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** {@code x-oss-traffic-limit} checked as OSS checks it, and gzip downloads where OSS compresses. */
class TrafficLimitAndGzipTest {

    private static final String BUCKET = "transfer";
    /** 2 KB of text: compressible, and above OSS's 1 KB minimum. */
    private static final String TEXT = "All work and no play makes Jack a dull boy.\n".repeat(47);

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET);

    private static void put(String key, String contentType, byte[] bytes) {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType(contentType);
        EMULATOR.oss().putObject(BUCKET, key, new ByteArrayInputStream(bytes), metadata);
    }

    private static RawHttp.Response get(HttpMethod method, String key, String acceptEncoding) throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (acceptEncoding != null) {
            headers.add("Accept-Encoding", acceptEncoding);
        }
        return EMULATOR.http().send(method, BUCKET, key, null, headers, null);
    }

    @Test
    void trafficLimitsWithinOssRangeAreAcceptedByUploadsAndDownloads() throws Exception {
        PutObjectRequest put = new PutObjectRequest(BUCKET, "limited.bin", new ByteArrayInputStream(new byte[] { 1 }));
        put.setTrafficLimit(819_200);
        EMULATOR.oss().putObject(put);
        GetObjectRequest get = new GetObjectRequest(BUCKET, "limited.bin");
        get.setTrafficLimit(838_860_800);
        try (var object = EMULATOR.oss().getObject(get)) {
            assertThat(object.getObjectContent().readAllBytes()).containsExactly(1);
        }
        RawHttp.Response presignedStyle = EMULATOR.http().send(HttpMethod.GET, BUCKET, "limited.bin",
                SignedHttp.query("x-oss-traffic-limit", "1000000"), null, null);
        assertThat(presignedStyle.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "819199", "838860801", "abc", "-1" })
    void trafficLimitsOutsideOssRangeAreInvalidArgumentAndStoreNothing(String limit) throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-oss-traffic-limit", limit);
        RawHttp.Response put = EMULATOR.http().send(HttpMethod.PUT, BUCKET, "refused-" + limit, null, headers,
                Buffer.buffer("bytes"));
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.text()).contains("<Code>InvalidArgument</Code>").contains("<EC>0004-00000502</EC>");
        assertThat(EMULATOR.emulator().hasObject(BUCKET, "refused-" + limit)).isFalse();
        put("readable.bin", "application/octet-stream", new byte[] { 2 });
        assertThat(EMULATOR.http().send(HttpMethod.GET, BUCKET, "readable.bin", null, headers, null).status()).isEqualTo(400);
    }

    @Test
    void aTrafficLimitInBothHeaderAndQueryIsRefused() throws Exception {
        put("both.bin", "application/octet-stream", new byte[] { 3 });
        RawHttp.Response both = EMULATOR.http().send(HttpMethod.GET, BUCKET, "both.bin",
                SignedHttp.query("x-oss-traffic-limit", "819200"),
                MultiMap.caseInsensitiveMultiMap().add("x-oss-traffic-limit", "819200"), null);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text()).contains("<EC>0004-00000501</EC>");
    }

    @Test
    void textOfAtLeastOneKilobyteIsGzippedWithoutETagLengthOrRanges() throws Exception {
        put("page.txt", "text/plain; charset=utf-8", TEXT.getBytes(StandardCharsets.UTF_8));
        RawHttp.Response gzipped = get(HttpMethod.GET, "page.txt", "gzip, deflate");
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.headers().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.headers().get("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.headers().contains("ETag")).isFalse();
        assertThat(gzipped.headers().contains("Content-Length")).isFalse();
        assertThat(gzipped.headers().contains("Accept-Ranges")).isFalse();
        assertThat(gzipped.headers().get("x-oss-hash-crc64ecma")).isNotNull();
        assertThat(gzipped.body().length()).isLessThan(TEXT.length() / 4);
        assertThat(gunzip(gzipped.body())).isEqualTo(TEXT);

        RawHttp.Response head = get(HttpMethod.HEAD, "page.txt", "gzip");
        assertThat(head.headers().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(head.headers().contains("ETag")).isFalse();

        RawHttp.Response plain = get(HttpMethod.GET, "page.txt", null);
        assertThat(plain.headers().contains("Content-Encoding")).isFalse();
        assertThat(plain.headers().get("Content-Length")).isEqualTo(String.valueOf(TEXT.length()));
        assertThat(plain.headers().get("ETag")).isNotNull();
        assertThat(plain.text()).isEqualTo(TEXT);
    }

    @Test
    void smallObjectsOtherTypesAndRefusedGzipAreSentAsStored() throws Exception {
        put("small.json", "application/json", "{\"small\":true}".getBytes(StandardCharsets.UTF_8));
        put("picture.png", "image/png", TEXT.getBytes(StandardCharsets.UTF_8));
        put("script.js", "application/javascript", TEXT.getBytes(StandardCharsets.UTF_8));
        for (String key : new String[] { "small.json", "picture.png" }) {
            RawHttp.Response response = get(HttpMethod.GET, key, "gzip");
            assertThat(response.headers().contains("Content-Encoding")).as(key).isFalse();
            assertThat(response.headers().get("ETag")).as(key).isNotNull();
        }
        assertThat(get(HttpMethod.GET, "script.js", "gzip;q=0").headers().contains("Content-Encoding")).isFalse();
        assertThat(get(HttpMethod.GET, "script.js", "identity").headers().contains("Content-Encoding")).isFalse();
        assertThat(get(HttpMethod.GET, "script.js", "GZIP").headers().get("Content-Encoding")).isEqualTo("gzip");
    }

    private static String gunzip(Buffer body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
