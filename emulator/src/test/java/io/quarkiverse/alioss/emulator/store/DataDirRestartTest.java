package io.quarkiverse.alioss.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.sdk.SdkClients;

/**
 * With a data directory, an emulator started on the directory another one left finds its buckets and objects again:
 * the same bytes and the same metadata, whichever operation wrote them.
 */
class DataDirRestartTest {

    private static final String BUCKET = "kept";

    @TempDir
    Path dataDir;

    /** Everything a client can read about an object, to compare before and after a restart. */
    private record Observed(byte[] bytes, Map<String, Object> headers, String acl, Map<String, String> tags) {
    }

    @Test
    void objectsWrittenEveryWayReadBackIdenticallyAfterARestart() throws Exception {
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        List<String> keys = List.of("plain.txt", "multipart.bin", "appended.log", "part-copy.bin", "copy.txt",
                "link", "nested/dir/key with spaces & ünïcödé.txt");
        Map<String, Observed> before = new TreeMap<>();
        withSdk(this::start, oss -> {
            oss.createBucket("made-later");
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.setContentType("text/plain; charset=utf-8");
            metadata.setContentDisposition("attachment; filename=plain.txt");
            metadata.setCacheControl("no-cache");
            metadata.setUserMetadata(new LinkedHashMap<>(Map.of("owner", "alice", "purpose", "restart test")));
            metadata.setObjectTagging(Map.of("team", "a b", "env", "dev"));
            metadata.setObjectAcl(CannedAccessControlList.PublicRead);
            oss.putObject(BUCKET, "plain.txt", new ByteArrayInputStream(bytes("plain content")), metadata);

            String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET,
                    "multipart.bin")).getUploadId();
            List<PartETag> parts = new ArrayList<>();
            parts.add(oss.uploadPart(new UploadPartRequest(BUCKET, "multipart.bin", uploadId, 1,
                    new ByteArrayInputStream(big, 0, 200_000), 200_000)).getPartETag());
            parts.add(oss.uploadPart(new UploadPartRequest(BUCKET, "multipart.bin", uploadId, 2,
                    new ByteArrayInputStream(big, 200_000, 100_000), 100_000)).getPartETag());
            oss.completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, "multipart.bin", uploadId,
                    parts));

            long position = 0;
            for (String piece : List.of("one,", "two,", "three,")) {
                position = append(oss, "appended.log", piece, position);
            }

            String copyId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET,
                    "part-copy.bin")).getUploadId();
            PartETag copied = oss.uploadPartCopy(new UploadPartCopyRequest(BUCKET, "appended.log", BUCKET,
                    "part-copy.bin", copyId, 1, 2L, 7L)).getPartETag();
            oss.completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, "part-copy.bin", copyId,
                    new ArrayList<>(List.of(copied))));

            oss.copyObject(BUCKET, "plain.txt", BUCKET, "copy.txt");
            oss.setObjectAcl(BUCKET, "copy.txt", CannedAccessControlList.Private);
            oss.createSymlink(BUCKET, "link", "plain.txt");
            oss.putObject(BUCKET, keys.get(6), new ByteArrayInputStream(bytes("any key")));
            // an upload in progress is not kept
            oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "unfinished.bin"));

            for (String key : keys) {
                before.put(key, observe(oss, key));
            }
        });

        withSdk(this::restart, oss -> {
            assertThat(oss.listBuckets()).extracting(b -> b.getName()).containsExactly(BUCKET, "made-later");
            assertThat(oss.listObjects(BUCKET).getObjectSummaries()).extracting(OSSObjectSummary::getKey)
                    .containsExactlyInAnyOrderElementsOf(keys);
            for (String key : keys) {
                Observed after = observe(oss, key);
                Observed expected = before.get(key);
                assertThat(after.bytes()).as(key).isEqualTo(expected.bytes());
                assertThat(after.headers()).as(key).isEqualTo(expected.headers());
                assertThat(after.acl()).as(key).isEqualTo(expected.acl());
                assertThat(after.tags()).as(key).isEqualTo(expected.tags());
            }
            assertThat(oss.getSymlink(BUCKET, "link").getTarget()).isEqualTo("plain.txt");
            assertThat(oss.listMultipartUploads(new ListMultipartUploadsRequest(BUCKET))
                    .getMultipartUploads()).isEmpty();
            // the appendable object goes on growing where it stopped
            append(oss, "appended.log", "four", 14);
            try (OSSObject object = oss.getObject(BUCKET, "appended.log")) {
                assertThat(new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("one,two,three,four");
            }
        });
    }

    @Test
    void deletedObjectsAndBucketsStayDeleted() throws Exception {
        withSdk(this::start, oss -> {
            oss.createBucket("gone");
            oss.putObject(BUCKET, "deleted.txt", new ByteArrayInputStream(bytes("deleted")));
            oss.putObject(BUCKET, "kept.txt", new ByteArrayInputStream(bytes("kept")));
            oss.putObject(BUCKET, "kept.txt", new ByteArrayInputStream(bytes("kept, second version")));
            oss.deleteObject(BUCKET, "deleted.txt");
            oss.deleteBucket("gone");
        });
        withSdk(this::restart, oss -> {
            assertThat(oss.listBuckets()).extracting(b -> b.getName()).containsExactly(BUCKET);
            assertThat(oss.doesObjectExist(BUCKET, "deleted.txt")).isFalse();
            try (OSSObject kept = oss.getObject(BUCKET, "kept.txt")) {
                assertThat(kept.getObjectContent().readAllBytes()).isEqualTo(bytes("kept, second version"));
            }
            // only the bytes of the one object left remain once the asynchronous deletes are done
            awaitBlobFiles(1);
        });
    }

    @Test
    void aDamagedRecordIsSkippedWithAWarningAndTheRestLoads() throws Exception {
        withSdk(this::start, oss -> {
            oss.putObject(BUCKET, "good.txt", new ByteArrayInputStream(bytes("good")));
            oss.putObject(BUCKET, "truncated.txt", new ByteArrayInputStream(bytes("truncated")));
            oss.putObject(BUCKET, "bytes-gone.txt", new ByteArrayInputStream(bytes("bytes gone")));
        });
        Path truncated = record("truncated.txt");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(truncated), 40));
        String bytesGone = Files.readString(record("bytes-gone.txt"));
        Files.delete(dataDir.resolve(bytesGone.replaceAll("(?s).*\"file\":\"([^\"]+)\".*", "$1")));
        // a write that stopped before its rename
        Files.writeString(record("good.txt").resolveSibling("leftover.json.tmp"), "{");

        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(IndexLoader.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            withSdk(this::restart, oss -> {
                try (OSSObject good = oss.getObject(BUCKET, "good.txt")) {
                    assertThat(good.getObjectContent().readAllBytes()).isEqualTo(bytes("good"));
                }
                assertThat(oss.doesObjectExist(BUCKET, "truncated.txt")).isFalse();
                assertThat(oss.doesObjectExist(BUCKET, "bytes-gone.txt")).isFalse();
            });
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w.getMessage()).contains("bucket " + BUCKET));
        // kept aside for a look, and not warned about again
        assertThat(truncated.resolveSibling(truncated.getFileName() + ".corrupt")).exists();
        assertThat(truncated).doesNotExist();
        assertThat(record("good.txt").resolveSibling("leftover.json.tmp")).doesNotExist();
    }

    @Test
    void aSecondEmulatorCannotOpenADirectoryInUse() {
        try (OssEmulator first = start()) {
            assertThatThrownBy(this::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dataDir.toString()).hasMessageContaining("in use by another OSS emulator");
            assertThat(first.hasObject(BUCKET, "anything")).isFalse();
        }
        // released with the first
        start().close();
    }

    /** What a test does with the SDK against one emulator. */
    private interface SdkWork {
        void run(OSS oss) throws Exception;
    }

    private static void withSdk(Supplier<OssEmulator> emulatorStart, SdkWork work)
            throws Exception {
        try (OssEmulator emulator = emulatorStart.get()) {
            OSS oss = SdkClients.client(emulator, SignVersion.V4);
            try {
                work.run(oss);
            } finally {
                oss.shutdown();
            }
        }
    }

    /** An emulator on the directory another one left, creating no bucket itself. */
    private OssEmulator restart() {
        return OssEmulator.start(OssEmulatorOptions.builder().dataDir(dataDir).build());
    }

    private OssEmulator start() {
        return OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).dataDir(dataDir).build());
    }

    private Path record(String key) {
        return dataDir.resolve("index").resolve(BUCKET).resolve("objects").resolve(DirectoryIndex.recordName(key));
    }

    private static long append(OSS oss, String key, String piece, long position) {
        AppendObjectRequest append = new AppendObjectRequest(BUCKET, key, new ByteArrayInputStream(bytes(piece)));
        append.setPosition(position);
        return oss.appendObject(append).getNextPosition();
    }

    private static Observed observe(OSS oss, String key) throws Exception {
        try (OSSObject object = oss.getObject(BUCKET, key)) {
            Map<String, Object> headers = new TreeMap<>(object.getObjectMetadata().getRawMetadata());
            // these describe the response, not the object
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("x-oss-request-id") || name.equalsIgnoreCase("Date")
                    || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Server"));
            String acl = oss.getObjectAcl(BUCKET, key).getPermission().toString();
            Map<String, String> tags = oss.getObjectTagging(BUCKET, key).getAllTags();
            return new Observed(object.getObjectContent().readAllBytes(), headers, acl, tags);
        } catch (OSSException e) {
            throw new AssertionError(key + ": " + e.getErrorCode(), e);
        }
    }

    private void awaitBlobFiles(long expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (blobFiles() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(blobFiles()).isEqualTo(expected);
    }

    private long blobFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".blob")).count();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
