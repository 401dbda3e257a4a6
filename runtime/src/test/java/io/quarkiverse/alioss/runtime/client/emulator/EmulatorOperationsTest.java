package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.model.ByteRange;
import io.quarkiverse.alioss.model.ListObjectsRequest;
import io.quarkiverse.alioss.model.ObjectSummary;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignGetRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.client.FileRegionSenderAccess;
import io.quarkiverse.alioss.runtime.crc.Crc64;

/**
 * Every operation of the client against the emulator (V4 signing), plus presigned URLs and browser forms used by a
 * plain JDK HTTP client.
 */
class EmulatorOperationsTest {

    private static final String BUCKET = "ops";

    private static EmulatorClients env;
    private static OssEmulator emulator;
    private static TestReceiver receiver;
    private static OssClient client;
    /** A plain HTTP client without OSS knowledge, like a browser or a mobile app. */
    private static HttpClient browser;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        env = new EmulatorClients(BUCKET, null);
        emulator = env.emulator;
        receiver = env.receiver;
        client = env.client;
        browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void putGetRangeHeadCopyListAndDelete() throws Exception {
        byte[] data = "0123456789".getBytes(StandardCharsets.UTF_8);
        client.putObject("list/a b+c.txt", data, UploadOptions.defaults().contentType("text/plain")
                .userMetadata("owner", "alice"));
        client.putObject("list/sub/x.txt", data, UploadOptions.defaults());

        assertThat(client.getObject("list/a b+c.txt", ByteRange.of(2, 4)).bytes()).asString(StandardCharsets.UTF_8)
                .isEqualTo("234");
        var head = client.headObject("list/a b+c.txt");
        assertThat(head.contentLength()).isEqualTo(10);
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.userMetadata()).containsEntry("owner", "alice");

        assertThat(client.copyObject("list/a b+c.txt", "list/copy.txt").etag()).isEqualTo(head.etag());
        assertThat(client.listAllObjects(ListObjectsRequest.withPrefix("list/").maxKeys(1)).map(ObjectSummary::key)
                .toList()).containsExactly("list/a b+c.txt", "list/copy.txt", "list/sub/x.txt");
        var page = client.listObjects(ListObjectsRequest.withPrefix("list/").delimiter("/"));
        assertThat(page.commonPrefixes()).containsExactly("list/sub/");

        Path target = tmp.resolve("download.txt");
        client.getObject("list/copy.txt", target);
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        try (var in = client.getObjectStream("list/copy.txt", null)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }

        assertThat(client.deleteObjects(List.of("list/copy.txt", "list/sub/x.txt"))).containsExactlyInAnyOrder(
                "list/copy.txt", "list/sub/x.txt");
        client.deleteObject("list/a b+c.txt");
        assertThatThrownBy(() -> client.headObject("list/a b+c.txt")).isInstanceOfSatisfying(OssException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.getObject("list/copy.txt")).isInstanceOfSatisfying(OssException.class,
                e -> assertThat(e.code()).isEqualTo("NoSuchKey"));
    }

    @Test
    void filePartsSpanningManyReadChunksArriveIntactWhateverTheAlignment() throws Exception {
        int chunk = FileRegionSenderAccess.chunkSize();
        byte[] data = EmulatorClients.random(7 * chunk + 12_345);
        Path file = Files.write(tmp.resolve("chunks.bin"), data);

        var multipart = client.upload("chunks/multipart.bin", file, UploadOptions.defaults().partSize(2L * chunk + 7)
                .multipartThreshold(chunk).parallelism(3));
        var single = client.putObject("chunks/single.bin", file, UploadOptions.defaults());

        long crc = Crc64.of(data);
        assertThat(multipart.partCount()).isEqualTo(4);
        assertThat(multipart.crc64()).hasValue(crc);
        assertThat(single.crc64()).hasValue(crc);
        assertThat(client.getObject("chunks/multipart.bin").bytes()).isEqualTo(data);
        assertThat(client.getObject("chunks/single.bin").bytes()).isEqualTo(data);
    }

    @Test
    void streamsOfUnknownLengthAreSentChunkedAndVerified() throws Exception {
        byte[] data = EmulatorClients.random(777_777);
        var result = client.putObject("stream/chunked.bin", new java.io.ByteArrayInputStream(data),
                UploadOptions.defaults());
        assertThat(result.crc64()).hasValue(io.quarkiverse.alioss.runtime.crc.Crc64.of(data));
        try (var in = client.getObjectStream("stream/chunked.bin", ByteRange.from(777_000))) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 777_000, data.length));
        }
    }

    @Test
    void aFailedPartAbortsSoNoUploadIsLeftBehind() throws Exception {
        Path file = Files.write(tmp.resolve("abort.bin"), EmulatorClients.random(3 * 200 * 1024));
        emulator.faults().set("UploadPart", io.quarkiverse.alioss.emulator.fault.FaultRule.parse("error-rate=1"));

        assertThatThrownBy(() -> client.upload("abort/file.bin", file, UploadOptions.defaults().partSize(200 * 1024)
                .multipartThreshold(200 * 1024))).isInstanceOfSatisfying(OssException.class,
                        e -> assertThat(e.status()).isEqualTo(503));

        assertThat(client.listMultipartUploads("abort/").uploads()).isEmpty();
    }

    @Test
    void manualMultipartListsPartsAndAborts() {
        var upload = client.initiateMultipartUpload("manual/x.bin", UploadOptions.defaults());
        client.uploadPart("manual/x.bin", upload.uploadId(), 1, EmulatorClients.random(1000));
        assertThat(client.listParts("manual/x.bin", upload.uploadId()).parts()).singleElement()
                .satisfies(p -> assertThat(p.size()).isEqualTo(1000));
        assertThat(client.listMultipartUploads("manual/").uploads()).extracting(u -> u.uploadId())
                .containsExactly(upload.uploadId());
        client.abortMultipartUpload("manual/x.bin", upload.uploadId());
        assertThat(client.listMultipartUploads("manual/").uploads()).isEmpty();
    }

    @Test
    void presignedGetAndPutWithCallbackWorkWithoutCredentials() throws Exception {
        byte[] data = "presigned".getBytes(StandardCharsets.UTF_8);
        receiver.answer(200, "{\"presigned\":true}");
        OssCallbackSpec callback = OssCallbackSpec.builder().url(receiver.url("/presigned"))
                .body("object=${object}&who=${x:who}").var("x:who", "anonymous").build();
        PresignedRequest put = client.presigner().presignPut(
                PresignPutRequest.forKey("presigned/p.txt").validity(Duration.ofMinutes(5)).contentType("text/plain")
                        .callback(callback));

        HttpRequest.Builder putRequest = HttpRequest.newBuilder(put.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data));
        put.signedHeaders().forEach(putRequest::header);
        HttpResponse<String> putResponse = browser.send(putRequest.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(putResponse.statusCode()).isEqualTo(200);
        assertThat(putResponse.body()).isEqualTo("{\"presigned\":true}");
        assertThat(receiver.next().body()).isEqualTo("object=presigned%2Fp.txt&who=anonymous");
        assertThat(client.getObject("presigned/p.txt").bytes()).isEqualTo(data);

        PresignedRequest get = client.presigner().presignGet("presigned/p.txt", Duration.ofMinutes(5));
        HttpResponse<byte[]> getResponse = browser.send(HttpRequest.newBuilder(get.url()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(getResponse.statusCode()).isEqualTo(200);
        assertThat(getResponse.body()).isEqualTo(data);

        URI tampered = URI.create(get.url().toString().replace("presigned/p.txt", "presigned/q.txt"));
        assertThat(browser.send(HttpRequest.newBuilder(tampered).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(403);
    }

    /** The response-* overrides are signed into the URL: a plain client gets them, and cannot change them. */
    @Test
    void presignedGetServesTheSignedResponseHeaderOverrides() throws Exception {
        client.putObject("presigned/report.bin", "report".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().contentType("application/octet-stream"));
        PresignedRequest get = client.presigner().presignGet(PresignGetRequest.forKey("presigned/report.bin")
                .validity(Duration.ofMinutes(5))
                .responseContentType("application/pdf")
                .responseContentDisposition("attachment; filename=\"report 2026.pdf\"")
                .responseCacheControl("max-age=60")
                .responseContentLanguage("en"));

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(get.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("report");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report 2026.pdf\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("en");

        URI edited = URI.create(get.url().toString().replace("max-age%3D60", "max-age%3D600000"));
        assertThat(edited).isNotEqualTo(get.url());
        assertThat(browser.send(HttpRequest.newBuilder(edited).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("an override is signed").isEqualTo(403);
    }

    /** The emulator does not process images: it refuses x-oss-process with 501 rather than serve the original. */
    @Test
    void presignedGetWithAnImageProcessIsRefusedByTheEmulator() throws Exception {
        client.putObject("presigned/photo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, UploadOptions.defaults());
        PresignedRequest get = client.presigner().presignGet(PresignGetRequest.forKey("presigned/photo.png")
                .process("image/resize,w_100"));

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(get.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("<Code>NotImplemented</Code>");
    }

    @Test
    void postObjectFormUploadsWithPinnedCallbackVariables() throws Exception {
        receiver.answer(200, "{\"form\":true}");
        OssCallbackSpec callback = OssCallbackSpec.builder().url(receiver.url("/form"))
                .body("object=${object}&user=${x:user}").var("x:user", "alice").build();
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKeyPrefix("browser/").sizeRange(1, 1024)
                .callback(callback));

        HttpResponse<String> ok = post(form, Map.of("key", "browser/a.txt"), "hello");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"form\":true}");
        assertThat(receiver.next().body()).isEqualTo("object=browser%2Fa.txt&user=alice");
        assertThat(client.getObject("browser/a.txt").bytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");

        HttpResponse<String> editedVariable = post(form, Map.of("key", "browser/b.txt", "x:user", "mallory"),
                "hello");
        assertThat(editedVariable.statusCode()).isEqualTo(403);
        assertThat(editedVariable.body()).contains("<Code>AccessDenied</Code>").contains("Invalid according to Policy");
        assertThat(emulator.hasObject(BUCKET, "browser/b.txt")).isFalse();
        assertThat(post(form, Map.of("key", "elsewhere/c.txt"), "hello").statusCode()).isEqualTo(403);
        assertThat(emulator.hasObject(BUCKET, "elsewhere/c.txt")).isFalse();
    }

    /** Posts the form as a browser would: a hand-built multipart/form-data body, the file field last. */
    private HttpResponse<String> post(PostObjectForm form, Map<String, String> overrides, String content)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach((name, value) -> fields.put(name, overrides.getOrDefault(name, value)));
        overrides.forEach(fields::putIfAbsent);
        String boundary = "----alioss" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.url()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
