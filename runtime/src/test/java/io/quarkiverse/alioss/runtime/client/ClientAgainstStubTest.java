package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.ByteRange;
import io.quarkiverse.alioss.model.ListObjectsRequest;
import io.quarkiverse.alioss.model.ObjectMetadata;
import io.quarkiverse.alioss.model.ObjectSummary;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.client.StubOssServer.Reply;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

/** The client's request shapes, error mapping and retries, against a scripted local server. */
class ClientAgainstStubTest {

    private StubOssServer stub;
    private VertxReactiveOssClient reactive;
    private OssClient client;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        stub = StubOssServer.start(o -> o.withRetry(new RetryStrategy(3, Duration.ofMillis(1), Duration.ofMillis(5))));
        reactive = stub.reactive();
        client = stub.client();
    }

    @AfterEach
    void stop() throws Exception {
        stub.close();
    }

    @Test
    void putObjectSendsPathStyleRequestWithHeadersAndMapsResult() {
        stub.handle(r -> Reply.of(200, Map.of("ETag", "\"ABC\"", "x-oss-hash-crc64ecma", "11051210869376104954",
                "x-oss-request-id", "RID1"), ""));

        UploadResult result = client.putObject("dir/a b+c.txt", "123456789".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().contentType("text/plain").userMetadata("Author", "alice"));

        StubOssServer.Recorded sent = stub.requests().get(0);
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.path()).isEqualTo("/bkt/dir/a%20b%2Bc.txt");
        assertThat(sent.header("Content-Type")).isEqualTo("text/plain");
        assertThat(sent.header("Content-Length")).isEqualTo("9");
        assertThat(sent.header("x-oss-meta-author")).isEqualTo("alice");
        assertThat(sent.header("Authorization")).isEqualTo("TEST 1");
        // IMF-fixdate: two-digit day, as HTTP requires (RFC_1123_DATE_TIME would write "Wed, 2 Dec 2026")
        assertThat(sent.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo("123456789");
        assertThat(result.etag()).isEqualTo("ABC");
        assertThat(result.crc64()).hasValue(0x995DC9BBDF1939FAL);
        assertThat(result.requestId()).isEqualTo("RID1");
        assertThat(result.callbackReply()).isEmpty();
        assertThat(result.multipart()).isFalse();
    }

    @Test
    void retriesA503AndSignsEachAttemptAnew() {
        AtomicInteger calls = new AtomicInteger();
        stub.handle(r -> calls.incrementAndGet() == 1
                ? Reply.of(503, Map.of("Content-Type", "application/xml"), errorXml("ServiceUnavailable", "busy"))
                : Reply.of(200, Map.of("ETag", "\"E\""), ""));

        UploadResult result = client.putObject("k", new byte[] { 1, 2, 3 }, UploadOptions.defaults());

        assertThat(result.etag()).isEqualTo("E");
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("TEST 1");
        assertThat(stub.requests().get(1).header("Authorization")).isEqualTo("TEST 2");
        assertThat(stub.requests().get(1).body()).containsExactly(1, 2, 3);
    }

    @Test
    void aPutWhoseStoredCrcDiffersFromTheSentBytesFails() {
        stub.handle(r -> Reply.of(200, Map.of("ETag", "\"E\"", "x-oss-hash-crc64ecma", "1", "x-oss-request-id", "R"), ""));

        assertThatThrownBy(() -> client.putObject("k", "123456789".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults())).isInstanceOfSatisfying(OssException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidCRC64");
                    assertThat(e.getMessage()).contains("11051210869376104954", "OSS 1");
                });
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        stub.handle(r -> Reply.of(500, Map.of(), errorXml("InternalError", "boom")));

        assertThatThrownBy(() -> client.putObject("k", new byte[] { 1 }, UploadOptions.defaults()))
                .isInstanceOfSatisfying(OssException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("InternalError");
                    assertThat(e.method()).isEqualTo("PUT");
                    assertThat(e.key()).hasValue("k");
                });
        assertThat(stub.requests()).hasSize(3); // first attempt + 2 retries
    }

    @Test
    void retriesDroppedConnections() {
        AtomicInteger calls = new AtomicInteger();
        stub.handle(r -> calls.incrementAndGet() == 1 ? Reply.drop() : Reply.of(200, Map.of("ETag", "\"E\""), ""));

        assertThat(client.putObject("k", new byte[] { 1 }, UploadOptions.defaults()).etag()).isEqualTo("E");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void neverRetriesAStreamedBodyOfUnknownLength() {
        stub.handle(r -> Reply.of(503, Map.of(), errorXml("ServiceUnavailable", "busy")));

        Multi<Buffer> stream = Multi.createFrom().items(Buffer.buffer("ab"), Buffer.buffer("cd"));
        assertThatThrownBy(() -> reactive.putObject("k", stream, UploadOptions.defaults()).await().indefinitely())
                .isInstanceOfSatisfying(OssException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().get(0).header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(stub.requests().get(0).body()).asString(StandardCharsets.UTF_8).isEqualTo("abcd");
    }

    @Test
    void inputStreamsOfUnknownLengthGoOutChunkedWithoutStalling() {
        // reading on a worker and writing on the event loop once stalled every few uploads: repeat to catch it
        stub.handle(r -> Reply.of(200, Map.of("ETag", "\"E\""), ""));
        for (int i = 0; i < 10; i++) {
            byte[] data = new byte[300_000 + i];
            new java.util.Random(i).nextBytes(data);
            reactive.putObject("k" + i, BlockingOssClient.read(reactive.vertx(), new java.io.ByteArrayInputStream(data)),
                    UploadOptions.defaults()).await().atMost(Duration.ofSeconds(10));
            assertThat(stub.requests().get(i).body()).isEqualTo(data);
            assertThat(stub.requests().get(i).header("Transfer-Encoding")).isEqualTo("chunked");
        }
    }

    @Test
    void doesNotRetryClientErrors() {
        stub.handle(r -> Reply.of(403, Map.of(), errorXml("SignatureDoesNotMatch", "bad signature")));

        assertThatThrownBy(() -> client.getObject("k")).isInstanceOfSatisfying(OssException.class,
                e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void headErrorComesFromTheXOssErrHeader() {
        String xml = errorXml("NoSuchKey", "The specified key does not exist.");
        stub.handle(r -> Reply.of(404, Map.of("x-oss-err",
                Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)), "x-oss-request-id", "R404"),
                ""));

        assertThatThrownBy(() -> client.headObject("missing.txt")).isInstanceOfSatisfying(OssException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("NoSuchKey");
            assertThat(e.ossMessage()).isEqualTo("The specified key does not exist.");
            assertThat(e.method()).isEqualTo("HEAD");
            assertThat(e.getMessage()).contains("HEAD missing.txt", "NoSuchKey", "RID-X");
        });
    }

    @Test
    void callbackReplyIsReturnedAndMapped() {
        stub.handle(r -> Reply.of(200, Map.of("ETag", "\"E\"", "Content-Type", "application/json"),
                "{\"status\":\"OK\",\"size\":3}"));

        UploadResult result = client.putObject("k", new byte[] { 1, 2, 3 },
                UploadOptions.defaults().callback("Y2I=", "dmFy"));

        assertThat(stub.requests().get(0).header("x-oss-callback")).isEqualTo("Y2I=");
        assertThat(stub.requests().get(0).header("x-oss-callback-var")).isEqualTo("dmFy");
        assertThat(result.callbackReply()).isPresent();
        assertThat(result.callbackReply().get().asString()).isEqualTo("{\"status\":\"OK\",\"size\":3}");
        assertThat(result.callbackReply().get().as(Map.class)).containsEntry("status", "OK").containsEntry("size", 3);
    }

    @Test
    void callbackFailure203BecomesTypedExceptionAndIsNotRetried() {
        stub.handle(r -> Reply.of(203, Map.of("ETag", "\"D41D8CD98F00B204E9800998ECF8427E\"",
                "x-oss-hash-crc64ecma", "8707180448768400016", "x-oss-request-id", "R203"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>CallbackFailed</Code>"
                        + "<Message>Error status : 502.</Message><RequestId>R203</RequestId>"
                        + "<HostId>bkt.example</HostId><EC>0007-00000203</EC></Error>"));

        byte[] body = "hi oss".getBytes(StandardCharsets.UTF_8); // its CRC-64 is the one in the 203 headers
        assertThatThrownBy(() -> client.putObject("k", body, UploadOptions.defaults().callback("Y2I=", null)))
                .isInstanceOfSatisfying(OssCallbackFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(203);
                    assertThat(e.code()).isEqualTo("CallbackFailed");
                    assertThat(e.objectStored()).isTrue();
                    assertThat(e.etag()).hasValue("D41D8CD98F00B204E9800998ECF8427E");
                    assertThat(e.crc64()).hasValue(8707180448768400016L);
                    assertThat(e.requestId()).hasValue("R203");
                    assertThat(e.ec()).hasValue("0007-00000203");
                    assertThat(e.getMessage()).contains("object is stored", "Error status : 502.");
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void rangedGetSendsRangeHeaderAndReturnsBody() {
        stub.handle(r -> Reply.of(206, Map.of("Content-Type", "text/plain", "x-oss-meta-a", "1",
                "Last-Modified", "Wed, 28 Dec 2022 10:27:41 GMT"), "2345"));

        var object = client.getObject("k", ByteRange.of(1, 4));

        assertThat(stub.requests().get(0).header("Range")).isEqualTo("bytes=1-4");
        assertThat(object.bytes()).asString(StandardCharsets.UTF_8).isEqualTo("2345");
        assertThat(object.metadata().contentLength()).isEqualTo(4);
        assertThat(object.metadata().userMetadata()).containsEntry("a", "1");
        assertThat(object.metadata().lastModified()).isPresent();
    }

    @Test
    void getToFileStreamsBodyAndLeavesNoErrorDocumentInTheFile() throws Exception {
        Path target = tmp.resolve("out.bin");
        stub.handle(r -> Reply.of(200, Map.of("ETag", "\"E\""), "file-content"));
        ObjectMetadata metadata = client.getObject("k", target);
        assertThat(Files.readString(target)).isEqualTo("file-content");
        assertThat(metadata.etag()).isEqualTo("E");

        stub.handle(r -> Reply.of(404, Map.of(), errorXml("NoSuchKey", "gone")));
        Path missing = tmp.resolve("missing.bin");
        assertThatThrownBy(() -> client.getObject("k", missing)).isInstanceOfSatisfying(OssException.class,
                e -> assertThat(e.code()).isEqualTo("NoSuchKey"));
        assertThat(Files.exists(missing) ? Files.size(missing) : 0L).isZero();
    }

    @Test
    void getObjectStreamDeliversTheBodyAndMapsErrorsBeforeTheFirstByte() throws Exception {
        byte[] big = new byte[300_000];
        new java.util.Random(1).nextBytes(big);
        stub.handle(r -> new Reply(200, Map.of(), big, false));
        try (java.io.InputStream in = client.getObjectStream("k", null)) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }

        AtomicInteger calls = new AtomicInteger();
        stub.handle(r -> calls.incrementAndGet() == 1 ? Reply.of(503, Map.of(), errorXml("ServiceUnavailable", "x"))
                : Reply.of(206, Map.of(), "tail"));
        assertThat(reactive.getObjectStream("k", ByteRange.lastBytes(4)).collect().asList().await().indefinitely())
                .extracting(Buffer::toString).containsExactly("tail");
        assertThat(stub.requests().get(stub.requests().size() - 1).header("Range")).isEqualTo("bytes=-4");

        stub.handle(r -> Reply.of(404, Map.of(), errorXml("NoSuchKey", "gone")));
        assertThatThrownBy(() -> client.getObjectStream("k", null).readAllBytes())
                .isInstanceOfSatisfying(OssException.class, e -> assertThat(e.code()).isEqualTo("NoSuchKey"));
    }

    @Test
    void listAllObjectsFollowsContinuationTokens() {
        stub.handle(r -> {
            boolean second = r.query().contains("continuation-token=tok%2F2");
            String contents = second ? "<Contents><Key>c%2Fz</Key><ETag>\"3\"</ETag><Size>3</Size></Contents>"
                    : "<Contents><Key>a</Key><ETag>\"1\"</ETag><Size>1</Size></Contents>"
                            + "<Contents><Key>b%20c</Key><ETag>\"2\"</ETag><Size>2</Size></Contents>";
            String tail = second ? "<IsTruncated>false</IsTruncated>"
                    : "<IsTruncated>true</IsTruncated><NextContinuationToken>tok%2F2</NextContinuationToken>";
            return Reply.of(200, Map.of(), "<ListBucketResult><EncodingType>url</EncodingType>" + tail + contents
                    + "</ListBucketResult>");
        });

        List<String> keys = client.listAllObjects(ListObjectsRequest.withPrefix("p/")).map(ObjectSummary::key)
                .toList();

        assertThat(keys).containsExactly("a", "b c", "c/z");
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(0).query()).contains("list-type=2", "prefix=p%2F", "encoding-type=url");
    }

    @Test
    void multipartListingsPassTheirPagingMarkers() {
        stub.handle(r -> r.query().contains("uploadId=U") ? Reply.of(200, Map.of(),
                "<ListPartsResult><IsTruncated>false</IsTruncated></ListPartsResult>")
                : Reply.of(200, Map.of(), "<ListMultipartUploadsResult><IsTruncated>true</IsTruncated>"
                        + "<NextKeyMarker>k2</NextKeyMarker><NextUploadIdMarker>U2</NextUploadIdMarker>"
                        + "</ListMultipartUploadsResult>"));

        var uploads = client.listMultipartUploads("p/", "k1", "U1");
        client.listParts("k", "U", 5);

        assertThat(stub.requests().get(0).query()).contains("uploads", "prefix=p%2F", "key-marker=k1",
                "upload-id-marker=U1");
        assertThat(uploads.truncated()).isTrue();
        assertThat(uploads.nextKeyMarker()).hasValue("k2");
        assertThat(uploads.nextUploadIdMarker()).hasValue("U2");
        assertThat(stub.requests().get(1).query()).contains("uploadId=U", "part-number-marker=5");
    }

    @Test
    void deleteObjectsSendsXmlWithContentMd5() {
        stub.handle(r -> Reply.of(200, Map.of(),
                "<DeleteResult><EncodingType>url</EncodingType><Deleted><Key>a%26b</Key></Deleted></DeleteResult>"));

        List<String> deleted = client.deleteObjects(List.of("a&b"));

        StubOssServer.Recorded sent = stub.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/bkt/");
        assertThat(sent.query()).startsWith("delete");
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("<Key>a&amp;b</Key>");
        assertThat(sent.header("Content-MD5")).isNotBlank();
        assertThat(deleted).containsExactly("a&b");
    }

    static String errorXml(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>RID-X</RequestId><HostId>bkt.localhost</HostId></Error>";
    }

}
