package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.client.StubOssServer.Recorded;
import io.quarkiverse.alioss.runtime.client.StubOssServer.Reply;
import io.quarkiverse.alioss.runtime.crc.Crc64;

/** The high-level upload against a scripted multipart server: planning, parallel parts, completion, abort. */
class MultipartUploaderTest {

    private static final int PART = 100 * 1024;

    private StubOssServer stub;
    private VertxReactiveOssClient reactive;
    private OssClient client;
    private final Map<Integer, byte[]> storedParts = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile Predicate<Integer> failPart = n -> false;
    private volatile long completeCrcDamage;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        stub = StubOssServer.start(o -> o.withRetry(new RetryStrategy(2, Duration.ofMillis(1), Duration.ofMillis(2)))
                .withUploadDefaults(PART, 2L * PART, 3));
        stub.handle(this::fakeMultipart);
        reactive = stub.reactive();
        client = stub.client();
    }

    @AfterEach
    void stop() throws Exception {
        stub.close();
    }

    @Test
    void largeFileGoesMultipartInOrderWithCallbackOnComplete() throws Exception {
        byte[] data = randomBytes(3 * PART + 123);
        Path file = Files.write(tmp.resolve("big.bin"), data);
        List<long[]> progress = new CopyOnWriteArrayList<>();

        UploadResult result = client.upload("big.bin", file, UploadOptions.defaults().callback("Y2I=", "dmFy")
                .progressListener((done, total) -> progress.add(new long[] { done, total })));

        assertThat(log).first().isEqualTo("initiate");
        assertThat(log).last().isEqualTo("complete");
        assertThat(storedParts).hasSize(4);
        assertThat(storedParts.get(1)).hasSize(PART);
        assertThat(storedParts.get(4)).hasSize(123);
        assertThat(concat()).isEqualTo(data);
        assertThat(result.partCount()).isEqualTo(4);
        assertThat(result.callbackReply()).hasValueSatisfying(r -> assertThat(r.asString()).isEqualTo("{\"ok\":true}"));
        Recorded complete = find(r -> r.method().equals("POST") && r.query().startsWith("uploadId"));
        assertThat(complete.header("x-oss-callback")).isEqualTo("Y2I=");
        assertThat(new String(complete.body(), StandardCharsets.UTF_8))
                .contains("<Part><PartNumber>1</PartNumber><ETag>\"P1\"</ETag></Part>")
                .containsSubsequence("<PartNumber>1</PartNumber>", "<PartNumber>2</PartNumber>",
                        "<PartNumber>3</PartNumber>", "<PartNumber>4</PartNumber>");
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(data.length, data.length));
        assertThat(progress).extracting(p -> p[0]).isSorted();
    }

    @Test
    void aWholeObjectCrcThatDoesNotMatchThePartsFailsTheUpload() throws Exception {
        completeCrcDamage = 1;
        Path file = Files.write(tmp.resolve("big.bin"), randomBytes(3 * PART));

        assertThatThrownBy(() -> client.upload("big.bin", file, UploadOptions.defaults()))
                .isInstanceOfSatisfying(OssException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidCRC64");
                    assertThat(e.getMessage()).contains("completed object differs from its uploaded parts");
                });
    }

    @Test
    void aPartWhoseCrcDoesNotMatchFailsAndAborts() throws Exception {
        stub.handle(r -> r.query() != null && r.query().contains("partNumber=2")
                ? Reply.of(200, Map.of("ETag", "\"P2\"", "x-oss-hash-crc64ecma", "12345"), "")
                : fakeMultipart(r));
        Path file = Files.write(tmp.resolve("big.bin"), randomBytes(3 * PART));

        assertThatThrownBy(() -> client.upload("big.bin", file, UploadOptions.defaults()))
                .isInstanceOfSatisfying(OssException.class, e -> assertThat(e.code()).isEqualTo("InvalidCRC64"));
        assertThat(log).contains("abort").doesNotContain("complete");
    }

    @Test
    void cancellingAnUploadAbortsIt() throws Exception {
        java.util.concurrent.CountDownLatch firstPart = new java.util.concurrent.CountDownLatch(1);
        stub.handle(r -> {
            Reply reply = fakeMultipart(r);
            if (r.query() != null && r.query().contains("partNumber=1")) {
                firstPart.countDown();
            }
            return reply;
        });
        Path file = Files.write(tmp.resolve("big.bin"), randomBytes(6 * PART));

        var subscription = reactive.upload("big.bin", file, UploadOptions.defaults().parallelism(1)).subscribe()
                .with(result -> {
                }, failure -> {
                });
        assertThat(firstPart.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        subscription.cancel();

        long deadline = System.currentTimeMillis() + 10_000;
        while (!log.contains("abort") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(log).contains("abort").doesNotContain("complete");
    }

    @Test
    void smallFileIsOnePutObject() throws Exception {
        Path file = Files.write(tmp.resolve("small.bin"), randomBytes(PART));
        UploadResult result = client.upload("small.bin", file, UploadOptions.defaults());
        assertThat(log).containsExactly("put");
        assertThat(result.multipart()).isFalse();
    }

    @Test
    void aFailingPartAbortsTheUploadAndNeverCompletes() throws Exception {
        failPart = n -> n == 2;
        Path file = Files.write(tmp.resolve("big.bin"), randomBytes(4 * PART));

        assertThatThrownBy(() -> client.upload("big.bin", file, UploadOptions.defaults()))
                .isInstanceOfSatisfying(OssException.class, e -> assertThat(e.code()).isEqualTo("InvalidArgument"));

        assertThat(log).contains("abort").doesNotContain("complete");
    }

    @Test
    void aFailingCompleteAlsoAborts() throws Exception {
        stub.handle(r -> r.method().equals("POST") && r.query().startsWith("uploadId")
                ? Reply.of(400, Map.of(), ClientAgainstStubTest.errorXml("InvalidPart", "bad part"))
                : fakeMultipart(r));
        Path file = Files.write(tmp.resolve("big.bin"), randomBytes(3 * PART));

        assertThatThrownBy(() -> client.upload("big.bin", file, UploadOptions.defaults()))
                .isInstanceOfSatisfying(OssException.class, e -> assertThat(e.code()).isEqualTo("InvalidPart"));
        assertThat(log).contains("abort");
    }

    @Test
    void partsAreRetriedWhenReplayable() throws Exception {
        AtomicInteger part3Calls = new AtomicInteger();
        failPart = n -> n == 3 && part3Calls.incrementAndGet() == 1;
        stub.handle(r -> {
            if (r.query().contains("partNumber=3") && part3Calls.get() == 0) {
                part3Calls.incrementAndGet();
                return Reply.of(503, Map.of(), ClientAgainstStubTest.errorXml("ServiceUnavailable", "busy"));
            }
            return fakeMultipart(r);
        });
        failPart = n -> false;
        byte[] data = randomBytes(3 * PART);
        Path file = Files.write(tmp.resolve("big.bin"), data);

        client.upload("big.bin", file, UploadOptions.defaults());
        assertThat(concat()).isEqualTo(data);
        assertThat(log).doesNotContain("abort");
    }

    @Test
    void smallStreamIsOnePutObjectAndLargeStreamGoesMultipart() {
        byte[] small = randomBytes(1000);
        client.upload("s", new ByteArrayInputStream(small), UploadOptions.defaults());
        assertThat(log).containsExactly("put");

        log.clear();
        byte[] large = randomBytes(5 * PART + 7);
        UploadResult result = client.upload("l", new ByteArrayInputStream(large), UploadOptions.defaults());
        assertThat(result.partCount()).isEqualTo(6);
        assertThat(concat()).isEqualTo(large);
    }

    @Test
    void aFailingStreamAbortsTheUpload() {
        java.io.InputStream broken = new java.io.InputStream() {
            int served;

            @Override
            public int read() throws java.io.IOException {
                if (served++ > 6 * PART) {
                    throw new java.io.IOException("disk on fire");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> client.upload("x", broken, UploadOptions.defaults()))
                .hasMessageContaining("Reading the upload stream failed");
        assertThat(log).contains("initiate", "part1", "abort").doesNotContain("complete");
    }

    private Reply fakeMultipart(Recorded r) {
        String q = r.query() == null ? "" : r.query();
        if (r.method().equals("POST") && q.equals("uploads")) {
            log.add("initiate");
            return Reply.of(200, Map.of(), "<InitiateMultipartUploadResult><Bucket>bkt</Bucket><Key>k</Key>"
                    + "<UploadId>UP1</UploadId></InitiateMultipartUploadResult>");
        }
        if (r.method().equals("PUT") && q.contains("partNumber=")) {
            int number = Integer.parseInt(q.replaceAll(".*partNumber=(\\d+).*", "$1"));
            log.add("part" + number);
            if (failPart.test(number)) {
                return Reply.of(400, Map.of(), ClientAgainstStubTest.errorXml("InvalidArgument", "no"));
            }
            storedParts.put(number, r.body());
            return Reply.of(200, Map.of("ETag", "\"P" + number + "\"", "x-oss-hash-crc64ecma",
                    Long.toUnsignedString(Crc64.of(r.body()))), "");
        }
        if (r.method().equals("POST") && q.startsWith("uploadId=UP1")) {
            log.add("complete");
            boolean callback = r.header("x-oss-callback") != null;
            String crc = Long.toUnsignedString(Crc64.of(concat()) ^ completeCrcDamage);
            return callback ? Reply.of(200, Map.of("ETag", "\"M-4\"", "Content-Type", "application/json",
                    "x-oss-hash-crc64ecma", crc), "{\"ok\":true}")
                    : Reply.of(200, Map.of("x-oss-hash-crc64ecma", crc), "<CompleteMultipartUploadResult>"
                            + "<ETag>\"M-N\"</ETag></CompleteMultipartUploadResult>");
        }
        if (r.method().equals("DELETE") && q.equals("uploadId=UP1")) {
            log.add("abort");
            return new Reply(204, Map.of(), new byte[0], false);
        }
        if (r.method().equals("PUT")) {
            log.add("put");
            return Reply.of(200, Map.of("ETag", "\"S\""), "");
        }
        return Reply.of(400, Map.of(), ClientAgainstStubTest.errorXml("Unexpected", r.method() + " " + q));
    }

    private byte[] concat() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= storedParts.size(); i++) {
            out.writeBytes(storedParts.get(i));
        }
        return out.toByteArray();
    }

    private Recorded find(Predicate<Recorded> predicate) {
        return stub.requests().stream().filter(predicate).findFirst().orElseThrow();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
