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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
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
import io.quarkiverse.alioss.emulator.http.PostForm;
import io.quarkiverse.alioss.emulator.http.RawHttp;

/** Upload callbacks end to end: the official SDK uploads, the emulator calls a real receiver back. */
class CallbackEndToEndTest {

    private static final String BUCKET = "callback-bucket";
    private static final String FORM_BODY = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}"
            + "&mimeType=${mimeType}&uid=${x:uid}";

    @RegisterExtension
    static final CallbackRig RIG = new CallbackRig(BUCKET);

    private static Callback callback(String pathAndQuery) {
        Callback callback = new Callback();
        callback.setCallbackUrl(RIG.receiver().url(pathAndQuery));
        callback.setCallbackHost("app.example.com");
        callback.setCallbackBody(FORM_BODY);
        callback.setCalbackBodyType(Callback.CalbackBodyType.URL);
        callback.addCallbackVar("x:uid", "42");
        return callback;
    }

    /** A Base64 callback parameter as an application builds it by hand. */
    private static String callbackParameter(String path, String body) {
        return Base64.getEncoder().encodeToString(("{\"callbackUrl\":\"" + RIG.receiver().url(path)
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
        OSS oss = RIG.oss();
        oss.putObject(oss.generatePresignedUrl(request), new ByteArrayInputStream(new byte[] { 9 }), 1, headers);
    }

    private static PutObjectResult put(String key, byte[] content, Callback callback) {
        PutObjectRequest request = new PutObjectRequest(BUCKET, key, new ByteArrayInputStream(content));
        request.setCallback(callback);
        return RIG.oss().putObject(request);
    }

    @Test
    void putObjectCallbackIsSignedAndItsReplyReachesTheUploader() throws Exception {
        byte[] content = "avatar bytes".getBytes(StandardCharsets.UTF_8);
        RIG.receiver().answer(200, "application/json", "{\"saved\":\"avatar\"}");
        PutObjectResult result = put("avatars/u42.txt", content, callback("/oss/avatar?token=t1"));

        try (InputStream reply = result.getCallbackResponseBody()) {
            assertThat(new String(reply.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"saved\":\"avatar\"}");
        }
        assertThat(result.getETag()).isEqualTo(md5Hex(content));

        CallbackReceiver.Received callback = RIG.receiver().next();
        assertThat(CallbackReceiver.signatureValid(callback)).isTrue();
        assertThat(callback.uri()).isEqualTo("/oss/avatar?token=t1");
        assertThat(RIG.receiver().pending()).as("exactly one callback per upload").isZero();
        assertThat(callback.headers().get("Host")).isEqualTo("app.example.com");
        assertThat(callback.headers().get("x-oss-tag")).isEqualTo("CALLBACK");
        assertThat(callback.headers().get("User-Agent")).isEqualTo("aliyun-oss-callback");
        assertThat(new String(Base64.getDecoder().decode(callback.headers().get("x-oss-pub-key-url")),
                StandardCharsets.UTF_8)).isEqualTo(RIG.emulator().callbackPublicKeyUrl());
        assertThat(callback.headers().get("Content-MD5")).isEqualTo(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(callback.body().getBytes())));
        assertThat(callback.headers().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(callback.body().toString()).contains("bucket=" + BUCKET).contains("size=" + content.length)
                .contains("etag=" + md5Hex(content)).contains("uid=42");
    }

    /** Characters that JSON keeps and form mode must percent-encode. */
    private static final String NOTE = "a&b=c d/e";
    private static final String JSON_BODY = "{\"bucket\":${bucket},\"object\":${object},\"size\":${size},"
            + "\"mimeType\":${mimeType},\"uid\":${x:uid},\"note\":${x:note}}";

    private static Callback jsonCallback(String path) {
        Callback callback = callback(path);
        // the SDK pastes callbackBody into its JSON unescaped (as OSS's own samples show, the caller escapes the
        // quotes); unescaped, OSS and the emulator refuse it as "not json format"
        callback.setCallbackBody(JSON_BODY.replace("\"", "\\\""));
        callback.setCalbackBodyType(Callback.CalbackBodyType.JSON);
        callback.addCallbackVar("x:note", NOTE);
        return callback;
    }

    @Test
    void putObjectWithJsonBodySubstitutesSystemAndCustomVariables() throws Exception {
        byte[] content = "json body".getBytes(StandardCharsets.UTF_8);
        RIG.receiver().answer(200, "application/json", "{\"json\":1}");
        PutObjectRequest request = new PutObjectRequest(BUCKET, "json/u 1.txt", new ByteArrayInputStream(content));
        com.aliyun.oss.model.ObjectMetadata meta = new com.aliyun.oss.model.ObjectMetadata();
        meta.setContentType("text/plain");
        request.setMetadata(meta);
        request.setCallback(jsonCallback("/oss/json"));
        PutObjectResult result = RIG.oss().putObject(request);

        try (InputStream reply = result.getCallbackResponseBody()) {
            assertThat(new String(reply.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"json\":1}");
        }
        CallbackReceiver.Received callback = RIG.receiver().next();
        assertThat(CallbackReceiver.signatureValid(callback)).isTrue();
        assertThat(callback.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(callback.body().toString()).isEqualTo("{\"bucket\":\"" + BUCKET + "\",\"object\":\"json/u 1.txt\","
                + "\"size\":" + content.length + ",\"mimeType\":\"text/plain\",\"uid\":\"42\","
                + "\"note\":\"" + NOTE + "\"}");
    }

    @Test
    void formBodyPercentEncodesCustomVariables() throws Exception {
        Callback callback = callback("/oss/form-note");
        callback.setCallbackBody("uid=${x:uid}&note=${x:note}&object=${object}");
        callback.addCallbackVar("x:note", NOTE);
        put("form/u 1.txt", new byte[] { 1 }, callback);
        CallbackReceiver.Received received = RIG.receiver().next();
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
        assertThat(received.body().toString()).isEqualTo("uid=42&note=a%26b%3Dc%20d%2Fe&object=form%2Fu%201.txt");
    }

    @Test
    void completeMultipartUploadWithJsonBodyCallsBack() throws Exception {
        byte[] content = randomBytes(120_000, 4);
        String key = "multipart/json.bin";
        CallbackReceiver.Received callback = completeWithCallback(key, content, jsonCallback("/oss/multipart-json"),
                "{\"multipartJson\":true}");
        assertThat(callback.body().toString()).isEqualTo("{\"bucket\":\"" + BUCKET + "\",\"object\":\"" + key + "\","
                + "\"size\":" + content.length + ",\"mimeType\":\"application/octet-stream\",\"uid\":\"42\","
                + "\"note\":\"" + NOTE + "\"}");
        assertStored(key, content);
    }

    /**
     * Completes a two-part upload of the content with the callback while the receiver answers the reply; the SDK must
     * hand that reply back and the callback must carry a valid signature. Returns what the receiver got.
     */
    private static CallbackReceiver.Received completeWithCallback(String key, byte[] content, Callback callback,
            String reply) throws Exception {
        CompleteMultipartUploadRequest complete = uploadInTwoParts(key, content);
        complete.setCallback(callback);
        RIG.receiver().answer(200, "application/json", reply);
        CompleteMultipartUploadResult result = RIG.oss().completeMultipartUpload(complete);
        try (InputStream in = result.getCallbackResponseBody()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(reply);
        }
        CallbackReceiver.Received received = RIG.receiver().next();
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
        return received;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void completeMultipartUploadWhoseCallbackFailsIs203AndTheObjectStays() throws Exception {
        byte[] content = randomBytes(110_000, 5);
        String key = "multipart/failed-cb.bin";
        CompleteMultipartUploadRequest complete = uploadInTwoParts(key, content);
        complete.setCallback(callback("/oss/multipart-fail"));
        RIG.receiver().answer(500, "application/json", "{}");
        assertThatThrownBy(() -> RIG.oss().completeMultipartUpload(complete)).isInstanceOfSatisfying(OSSException.class,
                e -> {
                    assertThat(e.getErrorCode()).isEqualTo("CallbackFailed");
                    assertThat(e.getErrorMessage()).isEqualTo("Error status : 500.");
                });
        assertThat(RIG.receiver().next().uri()).isEqualTo("/oss/multipart-fail");
        assertStored(key, content);
    }

    /** Uploads the content in two parts (the first 100 KB, the minimum part size) and returns the completion. */
    private static CompleteMultipartUploadRequest uploadInTwoParts(String key, byte[] content) {
        String uploadId = RIG.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
                .getUploadId();
        List<PartETag> etags = new ArrayList<>();
        etags.add(RIG.oss().uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 1,
                new ByteArrayInputStream(content, 0, 102_400), 102_400)).getPartETag());
        etags.add(RIG.oss().uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 2,
                new ByteArrayInputStream(content, 102_400, content.length - 102_400), content.length - 102_400))
                .getPartETag());
        return new CompleteMultipartUploadRequest(BUCKET, key, uploadId, etags);
    }

    /** The object is readable with the SDK (CRC check on) and has exactly these bytes. */
    private static void assertStored(String key, byte[] content) throws Exception {
        try (com.aliyun.oss.model.OSSObject object = RIG.oss().getObject(BUCKET, key)) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aTamperedCallbackFailsTheReceiversCheck() throws Exception {
        put("tamper.txt", new byte[] { 1 }, callback("/oss/t"));
        CallbackReceiver.Received genuine = RIG.receiver().next();
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
        RIG.oss().putObject(request);
        assertThat(RIG.receiver().next().body().toString()).isEqualTo("w=300&h=200&f=png&m=image%2Fpng");
    }

    @Test
    void status500IsCallbackFailedAndTheObjectStays() throws Exception {
        RIG.receiver().answer(500, "application/json", "{}");
        assertCallbackFailed("fails/500.txt", "Error status : 500.");
    }

    /** What the SDK reports as CallbackFailed is HTTP 203 with the error XML and the upload's own headers. */
    @Test
    void failedCallbackIsHttp203OnTheWire() throws Exception {
        RIG.receiver().answer(500, "application/json", "{}");
        String target = RIG.oss().generatePresignedUrl(presignedPut("fails/raw-203.txt",
                callbackParameter("/oss/raw", "object=${object}"))).getFile();
        try (RawHttp http = new RawHttp(RIG.emulator().port())) {
            RawHttp.Response response = http.send(io.vertx.core.http.HttpMethod.PUT, target, null,
                    io.vertx.core.buffer.Buffer.buffer(new byte[] { 9 }));
            assertThat(response.status()).as(response.text()).isEqualTo(203);
            assertThat(response.text()).contains("<Code>CallbackFailed</Code>")
                    .contains("<Message>Error status : 500.</Message>");
            assertThat(response.headers().get("ETag")).isEqualTo("\"" + md5Hex(new byte[] { 9 }) + "\"");
        }
        assertThat(RIG.receiver().next().uri()).isEqualTo("/oss/raw");
        assertStored("fails/raw-203.txt", new byte[] { 9 });
    }

    @Test
    void nonJsonReplyIsCallbackFailed() throws Exception {
        RIG.receiver().answer(200, "text/plain", "OK");
        assertCallbackFailed("fails/nonjson.txt", "Response body is not valid json format.");
    }

    @Test
    void redirectIsNotFollowed() throws Exception {
        RIG.receiver().answer(301, "text/plain", "");
        assertCallbackFailed("fails/301.txt", "Error status : 301.");
    }

    /** The emulator here runs with its default, OSS's fixed 5 s timeout: nothing in this class shortens it. */
    @Test
    void slowReceiverTimesOutAfterFiveSeconds() throws Exception {
        RIG.receiver().answer(200, "application/json", "{}").delay(6_000);
        long started = System.nanoTime();
        assertCallbackFailed("fails/slow.txt", "reply timeout", "timeout: 5000 MS");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        // at least the 5 s; a longer timeout would have let the 6 s reply through as a success (generous upper
        // bound so that a loaded CI machine does not fail it)
        assertThat(tookMillis).as("the upload waited for the 5 s timeout").isBetween(5_000L, 8_000L);
    }

    /** The SDK sees CallbackFailed with these message parts, the receiver was called, the object is readable. */
    private void assertCallbackFailed(String key, String... messageParts) throws Exception {
        byte[] content = { 1, 2, 3 };
        assertThatThrownBy(() -> put(key, content, callback("/oss/fail")))
                .isInstanceOfSatisfying(OSSException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("CallbackFailed");
                    assertThat(e.getErrorMessage()).contains(messageParts);
                });
        assertThat(RIG.receiver().next().uri()).isEqualTo("/oss/fail");
        assertStored(key, content);
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
        assertThat(RIG.emulator().hasObject(BUCKET, "invalid/cb.txt")).isFalse();
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
        assertThat(RIG.emulator().hasObject(BUCKET, "both.txt")).isFalse();
    }

    @Test
    void presignedPutWithCallbackQueryCallsBack() throws Exception {
        putPresigned(presignedPut("presigned-cb.txt", callbackParameter("/oss/presigned", "object=${object}")),
                new HashMap<>());
        CallbackReceiver.Received callback = RIG.receiver().next();
        assertThat(RIG.emulator().hasObject(BUCKET, "presigned-cb.txt")).isTrue();
        assertThat(callback.body().toString()).isEqualTo("object=presigned-cb.txt");
        assertThat(CallbackReceiver.signatureValid(callback)).isTrue();
    }

    @Test
    void nearlyFiveKilobyteCallbackFitsInAPresignedUrlAndInAHeader() throws Exception {
        String filler = "f".repeat(3500);
        String b64 = callbackParameter("/oss/long", "object=${object}&filler=" + filler);
        assertThat(b64.length()).isBetween(4700, 5120);
        putPresigned(presignedPut("long-cb.txt", b64), new HashMap<>());
        assertThat(RIG.receiver().next().body().toString()).endsWith(filler);

        Callback callback = callback("/oss/long-header");
        callback.setCallbackBody(FORM_BODY + "&filler=" + filler);
        put("long-header.txt", new byte[] { 1 }, callback);
        assertThat(RIG.receiver().next().body().toString()).endsWith(filler);
    }

    @Test
    void completeMultipartUploadCallsBackWithTheWholeSize() throws Exception {
        byte[] content = randomBytes(150_000, 3);
        String key = "multipart/cb.bin";
        CallbackReceiver.Received callback = completeWithCallback(key, content, callback("/oss/multipart"),
                "{\"multipart\":true}");
        assertThat(callback.body().toString()).contains("size=" + content.length).contains("object=multipart%2Fcb.bin");
        assertStored(key, content);
    }

    @Test
    void postObjectWithV1PolicyCallsBackWithTheFormsCustomVariables() throws Exception {
        String callback = callbackParameter("/oss/form", "object=${object}&uid=${x:uid}&op=${operation}");
        String policy = "{\"expiration\":\"" + java.time.Instant.now().plusSeconds(600)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\"conditions\":[{\"x:uid\":\"7\"}]}";
        OssEmulator emulator = RIG.emulator();
        io.vertx.core.buffer.Buffer form = PostForm.signedV1(emulator.accessKeyId(), emulator.accessKeySecret(),
                "form/${filename}", policy).field("callback", callback).field("x:uid", "7")
                .withFile("pic.txt", "text/plain", new byte[] { 1, 2 });
        RIG.receiver().answer(200, "application/json", "{\"form\":true}");
        RawHttp.Response response = postForm(form);
        // with a callback the answer is 200 and the app's body, whatever success_action_status says
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"form\":true}");
        assertThat(response.headers().get("ETag")).isNotBlank();
        assertThat(response.headers().get("x-oss-hash-crc64ecma")).isNotBlank();
        CallbackReceiver.Received received = RIG.receiver().next();
        assertThat(received.body().toString()).isEqualTo("object=form%2Fpic.txt&uid=7&op=PostObject");
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
        assertStored("form/pic.txt", new byte[] { 1, 2 });
    }

    private static RawHttp.Response postForm(io.vertx.core.buffer.Buffer form) throws Exception {
        try (RawHttp http = new RawHttp(RIG.emulator().port())) {
            return http.send(io.vertx.core.http.HttpMethod.POST, "/" + BUCKET,
                    io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Content-Type", PostForm.contentType()), form);
        }
    }

    @Test
    void postObjectWithV4PolicyCallsBackWithTheFormsCustomVariables() throws Exception {
        String callback = callbackParameter("/oss/form-v4", "object=${object}&uid=${x:uid}&size=${size}");
        String policy = "{\"expiration\":\"" + java.time.Instant.now().plusSeconds(600)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\",\"conditions\":[{\"bucket\":\"" + BUCKET
                + "\"},{\"x-oss-credential\":\"${credential}\"},[\"starts-with\",\"$key\",\"v4/\"],{\"x:uid\":\"8\"}]}";
        OssEmulator emulator = RIG.emulator();
        io.vertx.core.buffer.Buffer form = PostForm.signedV4(emulator.accessKeyId(), emulator.accessKeySecret(),
                emulator.region(), "v4/${filename}", policy).field("callback", callback).field("x:uid", "8")
                .withFile("v4 pic.txt", "text/plain", new byte[] { 1, 2, 3 });
        RIG.receiver().answer(200, "application/json", "{\"formV4\":true}");
        RawHttp.Response response = postForm(form);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"formV4\":true}");
        CallbackReceiver.Received received = RIG.receiver().next();
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
        assertThat(received.body().toString()).isEqualTo("object=v4%2Fv4%20pic.txt&uid=8&size=3");
        assertStored("v4/v4 pic.txt", new byte[] { 1, 2, 3 });
    }

    static String md5Hex(byte[] content) throws Exception {
        return java.util.HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }
}
