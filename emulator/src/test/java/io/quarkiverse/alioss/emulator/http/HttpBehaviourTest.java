package io.quarkiverse.alioss.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.fault.FaultRule;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/** CORS, addressing styles, common headers, HEAD errors and fault injection, seen on the wire. */
class HttpBehaviourTest {

    private static final String BUCKET = "wire-bucket";
    private static final byte[] CONTENT = "on the wire".getBytes(StandardCharsets.UTF_8);

    private static OssEmulator emulator;
    private static RawHttp http;
    private static OSS oss;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        http = new RawHttp(emulator.port());
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        oss = new OSSClientBuilder().build(emulator.baseUrl(),
                new DefaultCredentialProvider(emulator.accessKeyId(), emulator.accessKeySecret()), conf);
        oss.putObject(BUCKET, "hello.txt", new ByteArrayInputStream(CONTENT));
    }

    @AfterAll
    static void stop() {
        oss.shutdown();
        http.close();
        emulator.close();
    }

    @AfterEach
    void noFaults() {
        emulator.faults().clear();
    }

    /** A V1 presigned path-style URL made by the SDK, as path-and-query. */
    private static String presigned(String key, com.aliyun.oss.HttpMethod method) {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, key, method);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        URL url = oss.generatePresignedUrl(request);
        return url.getFile();
    }

    @Test
    void corsPreflightAllowsBrowserUploadsFromAnyOrigin() throws Exception {
        RawHttp.Response response = http.send(HttpMethod.OPTIONS, "/" + BUCKET + "/upload.txt",
                MultiMap.caseInsensitiveMultiMap().add("Origin", "https://app.example.com")
                        .add("Access-Control-Request-Method", "PUT")
                        .add("Access-Control-Request-Headers", "content-type,x-oss-callback"),
                null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.headers().get("Access-Control-Allow-Methods")).contains("PUT", "POST", "GET");
        assertThat(response.headers().get("Access-Control-Allow-Headers")).contains("x-oss-callback");
        assertThat(response.headers().get("Access-Control-Expose-Headers")).contains("ETag", "x-oss-request-id");

        RawHttp.Response actual = http.send(HttpMethod.GET, presigned("hello.txt", com.aliyun.oss.HttpMethod.GET),
                MultiMap.caseInsensitiveMultiMap().add("Origin", "https://app.example.com"), null);
        assertThat(actual.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(actual.headers().get("Access-Control-Expose-Headers")).contains("ETag");
    }

    @Test
    void everyResponseHasRequestIdAndServerHeader() throws Exception {
        RawHttp.Response ok = http.send(HttpMethod.GET, presigned("hello.txt", com.aliyun.oss.HttpMethod.GET),
                null, null);
        RawHttp.Response denied = http.send(HttpMethod.GET, "/" + BUCKET + "/hello.txt", null, null);
        for (RawHttp.Response response : new RawHttp.Response[] { ok, denied }) {
            assertThat(response.headers().get("x-oss-request-id")).matches("[0-9A-F]{24}");
            assertThat(response.headers().get("Server")).isEqualTo("AliyunOSS");
            assertThat(response.headers().get("Date")).endsWith("GMT");
        }
        assertThat(ok.body().getBytes()).isEqualTo(CONTENT);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text()).contains("<Code>AccessDenied</Code>")
                .contains("<RequestId>" + denied.headers().get("x-oss-request-id") + "</RequestId>");
    }

    @Test
    void virtualHostedRequestsFindTheBucketInTheHostHeader() throws Exception {
        String pathStyle = presigned("hello.txt", com.aliyun.oss.HttpMethod.GET);
        String virtual = pathStyle.substring(("/" + BUCKET).length());
        for (String host : new String[] { BUCKET + ".localhost:" + emulator.port(),
                BUCKET + ".127.0.0.1:" + emulator.port() }) {
            RawHttp.Response response = http.send(HttpMethod.GET, virtual,
                    MultiMap.caseInsensitiveMultiMap().add("Host", host), null);
            assertThat(response.status()).as(host + ": " + response.text()).isEqualTo(200);
            assertThat(response.body().getBytes()).isEqualTo(CONTENT);
        }
    }

    @Test
    void headErrorsCarryTheXmlInXOssErr() throws Exception {
        RawHttp.Response response = http.send(HttpMethod.HEAD,
                presigned("missing.txt", com.aliyun.oss.HttpMethod.HEAD), null, null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().length()).isZero();
        String xml = new String(Base64.getDecoder().decode(response.headers().get("x-oss-err")),
                StandardCharsets.UTF_8);
        assertThat(xml).contains("<Code>NoSuchKey</Code>").contains("<Key>missing.txt</Key>")
                .contains("<RequestId>" + response.headers().get("x-oss-request-id") + "</RequestId>")
                .contains("<EC>0026-00000001</EC>");
        assertThat(response.headers().get("x-oss-ec")).isEqualTo("0026-00000001");
    }

    @Test
    void completeRefusesPartsOutOfOrderAndMalformedXml() throws Exception {
        String key = "order.bin";
        String uploadId = oss.initiateMultipartUpload(
                new com.aliyun.oss.model.InitiateMultipartUploadRequest(BUCKET, key)).getUploadId();
        String etag1 = oss.uploadPart(new com.aliyun.oss.model.UploadPartRequest(BUCKET, key, uploadId, 1,
                new ByteArrayInputStream(new byte[200_000]), 200_000)).getETag();
        String etag2 = oss.uploadPart(new com.aliyun.oss.model.UploadPartRequest(BUCKET, key, uploadId, 2,
                new ByteArrayInputStream(new byte[10]), 10)).getETag();
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, key,
                com.aliyun.oss.HttpMethod.POST);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        request.addQueryParameter("uploadId", uploadId);
        String uri = oss.generatePresignedUrl(request).getFile();

        String reversed = "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>&quot;" + etag2
                + "&quot;</ETag></Part><Part><PartNumber>1</PartNumber><ETag>\"" + etag1
                + "\"</ETag></Part></CompleteMultipartUpload>";
        RawHttp.Response disorder = http.send(HttpMethod.POST, uri, null, io.vertx.core.buffer.Buffer.buffer(reversed));
        assertThat(disorder.status()).isEqualTo(400);
        assertThat(disorder.text()).contains("<Code>InvalidPartOrder</Code>");

        RawHttp.Response malformed = http.send(HttpMethod.POST, uri, null,
                io.vertx.core.buffer.Buffer.buffer("<CompleteMultipartUpload><Part>"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("<Code>MalformedXML</Code>");

        String inOrder = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&#34;" + etag1
                + "&#34;</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + etag2
                + "</ETag></Part></CompleteMultipartUpload>";
        RawHttp.Response done = http.send(HttpMethod.POST, uri, null, io.vertx.core.buffer.Buffer.buffer(inOrder));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.text()).contains("<CompleteMultipartUploadResult>").containsPattern("<ETag>\"[0-9A-F]{32}-2\"</ETag>");
        assertThat(oss.getObjectMetadata(BUCKET, key).getContentLength()).isEqualTo(200_010);
    }

    @Test
    void declaredBodiesOverFiveGigabytesAreRefusedUnread() throws Exception {
        RawHttp.Response response = http.send(HttpMethod.PUT, presigned("huge.bin", com.aliyun.oss.HttpMethod.PUT),
                MultiMap.caseInsensitiveMultiMap().add("Content-Length", String.valueOf(5L * 1024 * 1024 * 1024 + 1)),
                null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("<Code>EntityTooLarge</Code>");
    }

    @Test
    void errorRateAnswers503ServiceUnavailable() {
        emulator.faults().set("PutObject:error-rate=1");
        assertThatThrownBy(() -> oss.putObject(BUCKET, "faulty.txt", new ByteArrayInputStream(CONTENT)))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("ServiceUnavailable"));
        assertThat(emulator.hasObject(BUCKET, "faulty.txt")).isFalse();
        // other operations are not affected
        assertThat(oss.doesObjectExist(BUCKET, "hello.txt")).isTrue();
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        emulator.faults().set("GetObject", FaultRule.NONE.withLatency(java.time.Duration.ofMillis(300)));
        long start = System.nanoTime();
        oss.getObject(BUCKET, "hello.txt").forcedClose();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void resetRateDropsTheConnection() {
        emulator.faults().set("*:reset-rate=1");
        assertThatThrownBy(() -> oss.getObject(BUCKET, "hello.txt")).isInstanceOf(ClientException.class);
    }

    @Test
    void corruptSwitchChangesTheResponseBytes() throws Exception {
        emulator.faults().set("GetObject:corrupt=true");
        RawHttp.Response response = http.send(HttpMethod.GET, presigned("hello.txt", com.aliyun.oss.HttpMethod.GET),
                null, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().length()).isEqualTo(CONTENT.length);
        assertThat(response.body().getBytes()).isNotEqualTo(CONTENT);
    }
}
