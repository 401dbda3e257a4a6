package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.OSS;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.AppendResult;
import io.quarkiverse.alioss.model.ByteRange;
import io.quarkiverse.alioss.model.DownloadOptions;
import io.quarkiverse.alioss.model.ObjectMetadata;
import io.quarkiverse.alioss.model.ServerSideEncryption;
import io.quarkiverse.alioss.model.StorageClass;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.crc.Crc64;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.Vertx;

/** Copy from another bucket, AppendObject and download progress, against the emulator. */
class CopyAppendAndDownloadProgressTest {

    private static final String SOURCE = "copy-source";
    private static final String TARGET = "copy-target";

    private static Vertx vertx;
    private static OssEmulator emulator;
    private static VertxReactiveOssClient sourceReactive;
    private static VertxReactiveOssClient targetReactive;
    private static OssClient source;
    private static OssClient target;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(SOURCE).bucket(TARGET).build());
        sourceReactive = client(SOURCE);
        targetReactive = client(TARGET);
        source = new BlockingOssClient(sourceReactive);
        target = new BlockingOssClient(targetReactive);
    }

    private static VertxReactiveOssClient client(String bucket) {
        OssCredentials credentials = OssCredentials.of(emulator.accessKeyId(), emulator.accessKeySecret());
        return new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create(emulator.baseUrl()), bucket, true,
                new OssV4Signer(emulator.region()), () -> credentials));
    }

    @AfterAll
    static void stop() throws Exception {
        sourceReactive.close();
        targetReactive.close();
        emulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void copyFromAnotherBucketKeepsOrReplacesWhatTheOptionsSay() {
        byte[] content = "copied across".getBytes(StandardCharsets.UTF_8);
        source.putObject("dir/a b+c.txt", content, UploadOptions.defaults().contentType("text/plain")
                .userMetadata("owner", "alice").tags(Map.of("team", "a")));

        target.copyObject(SOURCE, "dir/a b+c.txt", "kept.txt", UploadOptions.defaults());
        ObjectMetadata kept = target.headObject("kept.txt");
        assertThat(target.getObject("kept.txt").bytes()).isEqualTo(content);
        assertThat(kept.contentType()).isEqualTo("text/plain");
        assertThat(kept.userMetadata()).containsEntry("owner", "alice");
        assertThat(kept.tagCount()).hasValue(1);

        // storage class and encryption apply to the copy, which keeps the source's metadata all the same
        target.copyObject(SOURCE, "dir/a b+c.txt", "infrequent.txt", UploadOptions.defaults()
                .storageClass(StorageClass.IA).serverSideEncryption(ServerSideEncryption.kms("copy-key")));
        ObjectMetadata infrequent = target.headObject("infrequent.txt");
        assertThat(infrequent.storageClass()).contains(StorageClass.IA);
        assertThat(infrequent.serverSideEncryption()).contains(ServerSideEncryption.kms("copy-key"));
        assertThat(infrequent.userMetadata()).containsEntry("owner", "alice");
        assertThat(infrequent.contentType()).isEqualTo("text/plain");

        target.copyObject(SOURCE, "dir/a b+c.txt", "replaced.txt", UploadOptions.defaults()
                .contentType("application/octet-stream").storageClass(StorageClass.IA).tags(Map.of("x", "1", "y", "2")));
        ObjectMetadata replaced = target.headObject("replaced.txt");
        assertThat(replaced.contentType()).isEqualTo("application/octet-stream");
        assertThat(replaced.userMetadata()).as("REPLACE drops what the options do not name").isEmpty();
        assertThat(replaced.storageClass()).contains(StorageClass.IA);
        assertThat(replaced.tagCount()).hasValue(2);
        assertThat(target.getObject("replaced.txt").bytes()).isEqualTo(content);

        OssException missing = catchThrowableOfType(OssException.class,
                () -> target.copyObject("no-such-bucket", "x", "y.txt", UploadOptions.defaults()));
        assertThat(missing.code()).isEqualTo("NoSuchBucket");
    }

    @Test
    void appendsAreCheckedAgainstTheObjectsCrc() {
        byte[] first = "first,".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second,".getBytes(StandardCharsets.UTF_8);
        byte[] third = "third".getBytes(StandardCharsets.UTF_8);

        AppendResult one = target.appendObject("log/app.log", 0, first, UploadOptions.defaults()
                .contentType("text/plain"));
        assertThat(one.nextPosition()).isEqualTo(first.length);
        assertThat(one.crc64()).isEqualTo(Crc64.of(first));
        AppendResult two = target.appendObject(one, second);
        AppendResult three = target.appendObject("log/app.log", two.nextPosition(), third, UploadOptions.defaults());

        byte[] whole = "first,second,third".getBytes(StandardCharsets.UTF_8);
        assertThat(three.nextPosition()).isEqualTo(whole.length);
        assertThat(three.crc64()).isEqualTo(Crc64.of(whole));
        assertThat(target.getObject("log/app.log").bytes()).isEqualTo(whole);
        ObjectMetadata head = target.headObject("log/app.log");
        assertThat(head.objectType()).isEqualTo("Appendable");
        assertThat(head.contentType()).isEqualTo("text/plain");

        OssException wrongPosition = catchThrowableOfType(OssException.class,
                () -> target.appendObject("log/app.log", 3, third, UploadOptions.defaults()));
        assertThat(wrongPosition.status()).isEqualTo(409);
        assertThat(wrongPosition.code()).isEqualTo("PositionNotEqualToLength");
    }

    @Test
    void downloadsReportProgressUpToTheirSize() throws Exception {
        byte[] content = EmulatorClients.random(3 * 1024 * 1024 + 17);
        target.putObject("big/progress.bin", content, UploadOptions.defaults());

        List<long[]> toFile = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("progress.bin");
        target.download("big/progress.bin", file, DownloadOptions.defaults()
                .progressListener((done, total) -> toFile.add(new long[] { done, total })));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertProgress(toFile, content.length);

        List<long[]> ranged = new CopyOnWriteArrayList<>();
        try (InputStream in = target.downloadStream("big/progress.bin", DownloadOptions.defaults()
                .range(ByteRange.of(1000, 1999)).progressListener((done, total) -> ranged.add(new long[] { done,
                        total })))) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 2000));
        }
        assertProgress(ranged, 1000);
    }

    /** Strictly increasing, every report naming the size, the last one all of it. */
    private static void assertProgress(List<long[]> reports, long size) {
        assertThat(reports).isNotEmpty();
        long previous = 0;
        for (long[] report : reports) {
            assertThat(report[0]).isGreaterThan(previous);
            assertThat(report[1]).isEqualTo(size);
            previous = report[0];
        }
        assertThat(previous).isEqualTo(size);
    }

    @Test
    void theSdkSeesTheCopyAndTheAppend() {
        target.appendObject("log/sdk.log", 0, "abc".getBytes(StandardCharsets.UTF_8), UploadOptions.defaults());
        OSS sdk = EmulatorClients.officialSdk(emulator);
        try {
            assertThat(sdk.getObjectMetadata(TARGET, "log/sdk.log").getObjectType()).isEqualTo("Appendable");
            assertThat(sdk.getObjectMetadata(TARGET, "log/sdk.log").getContentLength()).isEqualTo(3);
        } finally {
            sdk.shutdown();
        }
    }
}
