package io.quarkiverse.alioss.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.UploadPartRequest;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.http.PostForm;
import io.quarkiverse.alioss.emulator.http.RawHttp;

/** Upload callbacks end to end: the official SDK uploads, the emulator calls a real receiver back. */
class CallbackEndToEndTest {

    private static final String BUCKET = "callback-bucket";
    private static final String FORM_BODY = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}"
            + "&mimeType=${mimeType}&uid=${x:uid}";

    private static OssEmulator emulator;
    private static CallbackReceiver receiver;
    private static OSS oss;

    @BeforeAll
    static void start() throws Exception {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        receiver = new CallbackReceiver();
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        conf.setSignatureVersion(SignVersion.V4);
        oss = OSSClientBuilder.create().endpoint(emulator.baseUrl())
                .credentialsProvider(new DefaultCredentialProvider(emulator.accessKeyId(), emulator.accessKeySecret()))
                .clientConfiguration(conf).region(emulator.region()).build();
    }

    @AfterAll
    static void stop() {
        oss.shutdown();
        receiver.close();
        emulator.close();
    }

    @BeforeEach
    void answerJson() {
        receiver.reset();
        receiver.answer(200, "application/json", "{\"ok\":true}");
    }

    private static Callback callback(String pathAndQuery) {
        Callback callback = new Callback();
        callback.setCallbackUrl(receiver.url(pathAndQuery));
        callback.setCallbackHost("app.example.com");
        callback.setCallbackBody(FORM_BODY);
        callback.setCalbackBodyType(Callback.CalbackBodyType.URL);
        callback.addCallbackVar("x:uid", "42");
        return callback;
    }

    /** A Base64 callback parameter as an application builds it by hand. */
    private static String callbackParameter(String path, String body) {
        return Base64.getEncoder().encodeToString(("{\"callbackUrl\":\"" + receiver.url(path)
                + "\",\"callbackBody\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A presigned PUT URL whose query carries the callback (signed into the URL). */
    private static GeneratePresignedUrlRequest presignedPut(String key, String callbackBase64) {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, key,
                com.aliyun.oss.HttpMethod.PUT);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        request.addQueryParameter("callback", callbackBase64);
        return request;
    }

    private static void putPresigned(GeneratePresignedUrlRequest request, Map<String, String> headers) {
        oss.putObject(oss.generatePresignedUrl(request), new ByteArrayInputStream(new byte[] { 9 }), 1, headers);
    }

    private static PutObjectResult put(String key, byte[] content, Callback callback) {
        PutObjectRequest request = new PutObjectRequest(BUCKET, key, new ByteArrayInputStream(content));
        request.setCallback(callback);
        return oss.putObject(request);
    }

    @Test
    void putObjectCallbackIsSignedAndItsReplyReachesTheUploader() throws Exception {
        byte[] content = "avatar bytes".getBytes(StandardCharsets.UTF_8);
        receiver.answer(200, "application/json", "{\"saved\":\"avatar\"}");
        PutObjectResult result = put("avatars/u42.txt", content, callback("/oss/avatar?token=t1"));

        try (InputStream reply = result.getCallbackResponseBody()) {
            assertThat(new String(reply.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"saved\":\"avatar\"}");
        }
        assertThat(result.getETag()).isEqualTo(md5Hex(content));

        CallbackReceiver.Received callback = receiver.next();
        assertThat(CallbackReceiver.signatureValid(callback)).isTrue();
        assertThat(callback.uri()).isEqualTo("/oss/avatar?token=t1");
        assertThat(receiver.pending()).as("exactly one callback per upload").isZero();
        assertThat(callback.headers().get("Host")).isEqualTo("app.example.com");
        assertThat(callback.headers().get("x-oss-tag")).isEqualTo("CALLBACK");
        assertThat(callback.headers().get("User-Agent")).isEqualTo("aliyun-oss-callback");
        assertThat(new String(Base64.getDecoder().decode(callback.headers().get("x-oss-pub-key-url")),
                StandardCharsets.UTF_8)).isEqualTo(emulator.callbackPublicKeyUrl());
        assertThat(callback.headers().get("Content-MD5")).isEqualTo(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(callback.body().getBytes())));
        assertThat(callback.headers().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(callback.body().toString()).contains("bucket=" + BUCKET).contains("size=" + content.length)
                .contains("etag=" + md5Hex(content)).contains("uid=42");
    }

    @Test
    void aTamperedCallbackFailsTheReceiversCheck() throws Exception {
        put("tamper.txt", new byte[] { 1 }, callback("/oss/t"));
        CallbackReceiver.Received genuine = receiver.next();
        CallbackReceiver.Received tampered = new CallbackReceiver.Received(genuine.uri(), genuine.headers(),
                io.vertx.core.buffer.Buffer.buffer(genuine.body().toString().replace("uid=42", "uid=43")));
        assertThat(CallbackReceiver.signatureValid(genuine)).isTrue();
        assertThat(CallbackReceiver.signatureValid(tampered)).isFalse();
    }

    @Test
    void imageInformationIsProbedFromTheStoredBytes() throws Exception {
        // a PNG signature and IHDR chunk: 300 x 200
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 1, 44, 0, 0, 0, (byte) 200, 8, 6, 0, 0, 0, 0, 0, 0, 0 };
        Callback callback = callback("/oss/image");
        callback.setCallbackBody("w=${imageInfo.width}&h=${imageInfo.height}&f=${imageInfo.format}&m=${mimeType}");
        PutObjectRequest request = new PutObjectRequest(BUCKET, "pic.png", new ByteArrayInputStream(png));
        com.aliyun.oss.model.ObjectMetadata meta = new com.aliyun.oss.model.ObjectMetadata();
        meta.setContentType("image/png");
        request.setMetadata(meta);
        request.setCallback(callback);
        oss.putObject(request);
        assertThat(receiver.next().body().toString()).isEqualTo("w=300&h=200&f=png&m=image%2Fpng");
    }

    @Test
    void status500IsCallbackFailedAndTheObjectStays() throws Exception {
        receiver.answer(500, "application/json", "{}");
        assertCallbackFailed("fails/500.txt", "Error status : 500.");
    }

    @Test
    void nonJsonReplyIsCallbackFailed() throws Exception {
        receiver.answer(200, "text/plain", "OK");
        assertCallbackFailed("fails/nonjson.txt", "Response body is not valid json format.");
    }

    @Test
    void redirectIsNotFollowed() throws Exception {
        receiver.answer(301, "text/plain", "");
        assertCallbackFailed("fails/301.txt", "Error status : 301.");
    }

    @Test
    void slowReceiverTimesOutAfterFiveSeconds() throws Exception {
        receiver.answer(200, "application/json", "{}").delay(6_000);
        assertCallbackFailed("fails/slow.txt", "timeout");
    }

    private void assertCallbackFailed(String key, String messagePart) throws Exception {
        assertThatThrownBy(() -> put(key, new byte[] { 1, 2, 3 }, callback("/oss/fail")))
                .isInstanceOfSatisfying(OSSException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("CallbackFailed");
                    assertThat(e.getMessage()).contains(messagePart);
                });
        assertThat(receiver.next().uri()).isEqualTo("/oss/fail");
        assertThat(emulator.hasObject(BUCKET, key)).isTrue();
    }

    @Test
    void invalidCallbackIsRefusedBeforeStoring() {
        Callback callback = callback("/oss/x");
        callback.setCallbackUrl("my.com:test");
        assertThatThrownBy(() -> put("invalid/cb.txt", new byte[] { 1 }, callback))
                .isInstanceOfSatisfying(OSSException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.getRawResponseError()).contains("<ArgumentName>callback</ArgumentName>");
                });
        assertThat(emulator.hasObject(BUCKET, "invalid/cb.txt")).isFalse();
    }

    @Test
    void callbackInBothHeaderAndQueryIsRefused() throws Exception {
        String b64 = callbackParameter("/oss/q", "bucket=${bucket}");
        GeneratePresignedUrlRequest request = presignedPut("both.txt", b64);
        request.addHeader("x-oss-callback", b64);
        Map<String, String> headers = new HashMap<>();
        headers.put("x-oss-callback", b64);
        assertThatThrownBy(() -> putPresigned(request, headers)).isInstanceOfSatisfying(OSSException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.getErrorMessage()).isEqualTo("Either the callback query string parameter or the "
                            + "x-oss-callback header should be specified, not both.");
                });
        assertThat(emulator.hasObject(BUCKET, "both.txt")).isFalse();
    }

    @Test
    void presignedPutWithCallbackQueryCallsBack() throws Exception {
        putPresigned(presignedPut("presigned-cb.txt", callbackParameter("/oss/presigned", "object=${object}")),
                new HashMap<>());
        CallbackReceiver.Received callback = receiver.next();
        assertThat(emulator.hasObject(BUCKET, "presigned-cb.txt")).isTrue();
        assertThat(callback.body().toString()).isEqualTo("object=presigned-cb.txt");
        assertThat(CallbackReceiver.signatureValid(callback)).isTrue();
    }

    @Test
    void nearlyFiveKilobyteCallbackFitsInAPresignedUrlAndInAHeader() throws Exception {
        String filler = "f".repeat(3500);
        String b64 = callbackParameter("/oss/long", "object=${object}&filler=" + filler);
        assertThat(b64.length()).isBetween(4700, 5120);
        putPresigned(presignedPut("long-cb.txt", b64), new HashMap<>());
        assertThat(receiver.next().body().toString()).endsWith(filler);

        Callback callback = callback("/oss/long-header");
        callback.setCallbackBody(FORM_BODY + "&filler=" + filler);
        put("long-header.txt", new byte[] { 1 }, callback);
        assertThat(receiver.next().body().toString()).endsWith(filler);
    }

    @Test
    void completeMultipartUploadCallsBackWithTheWholeSize() throws Exception {
        byte[] content = new byte[150_000];
        new Random(3).nextBytes(content);
        String key = "multipart/cb.bin";
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key)).getUploadId();
        List<PartETag> etags = new ArrayList<>();
        etags.add(oss.uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 1,
                new ByteArrayInputStream(content, 0, 102_400), 102_400)).getPartETag());
        etags.add(oss.uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 2,
                new ByteArrayInputStream(content, 102_400, content.length - 102_400), content.length - 102_400))
                .getPartETag());
        CompleteMultipartUploadRequest complete = new CompleteMultipartUploadRequest(BUCKET, key, uploadId, etags);
        complete.setCallback(callback("/oss/multipart"));
        receiver.answer(200, "application/json", "{\"multipart\":true}");
        CompleteMultipartUploadResult result = oss.completeMultipartUpload(complete);
        try (InputStream reply = result.getCallbackResponseBody()) {
            assertThat(new String(reply.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"multipart\":true}");
        }
        CallbackReceiver.Received callback = receiver.next();
        assertThat(CallbackReceiver.signatureValid(callback)).isTrue();
        assertThat(callback.body().toString()).contains("size=" + content.length).contains("object=multipart%2Fcb.bin");
        assertThat(emulator.hasObject(BUCKET, key)).isTrue();
    }

    @Test
    void postObjectCallbackUsesTheFormsCustomVariables() throws Exception {
        String callback = callbackParameter("/oss/form", "object=${object}&uid=${x:uid}&op=${operation}");
        String policy = PostForm.base64("{\"expiration\":\"" + java.time.Instant.now().plusSeconds(600)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\"conditions\":[{\"x:uid\":\"7\"}]}");
        io.vertx.core.buffer.Buffer form = new PostForm().field("key", "form/${filename}").field("policy", policy)
                .field("OSSAccessKeyId", emulator.accessKeyId())
                .field("Signature", PostForm.signV1(emulator.accessKeySecret(), policy))
                .field("callback", callback).field("x:uid", "7")
                .withFile("pic.txt", "text/plain", new byte[] { 1, 2 });
        receiver.answer(200, "application/json", "{\"form\":true}");
        try (RawHttp http = new RawHttp(emulator.port())) {
            RawHttp.Response response = http.send(io.vertx.core.http.HttpMethod.POST, "/" + BUCKET,
                    io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Content-Type", PostForm.contentType()), form);
            // with a callback the answer is 200 and the app's body, whatever success_action_status says
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("{\"form\":true}");
            assertThat(response.headers().get("ETag")).isNotBlank();
            assertThat(response.headers().get("x-oss-hash-crc64ecma")).isNotBlank();
        }
        CallbackReceiver.Received received = receiver.next();
        assertThat(received.body().toString()).isEqualTo("object=form%2Fpic.txt&uid=7&op=PostObject");
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
    }

    static String md5Hex(byte[] content) throws Exception {
        return java.util.HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }
}
