package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.SimplifiedObjectMeta;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** GetObjectMeta, DeleteBucket and GetBucketLocation through the official SDK. */
class BucketAndMetaSdkTest {

    private static final String BUCKET = "meta-bucket";
    private static OssEmulator emulator;
    private static OSS oss;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        oss = SdkClients.client(emulator, SignVersion.V4);
    }

    @AfterAll
    static void stop() {
        oss.shutdown();
        emulator.close();
    }

    @Test
    void getObjectMetaAnswersSizeETagAndLastModified() {
        byte[] content = "meta only".getBytes(StandardCharsets.UTF_8);
        String etag = oss.putObject(BUCKET, "m.txt", new ByteArrayInputStream(content)).getETag();
        SimplifiedObjectMeta meta = oss.getSimplifiedObjectMeta(BUCKET, "m.txt");
        assertThat(meta.getSize()).isEqualTo(content.length);
        assertThat(meta.getETag()).isEqualTo(etag);
        assertThat(meta.getLastModified()).isNotNull();
        assertThat(oss.doesObjectExist(BUCKET, "m.txt")).isTrue();
        assertThat(oss.doesObjectExist(BUCKET, "absent.txt")).isFalse();
        assertThatThrownBy(() -> oss.getSimplifiedObjectMeta(BUCKET, "absent.txt"))
                .isInstanceOfSatisfying(OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
    }

    @Test
    void deleteBucketRefusesANonEmptyBucketAndDeletesAnEmptyOne() {
        oss.createBucket("doomed");
        oss.putObject("doomed", "k", new ByteArrayInputStream(new byte[] { 1 }));
        assertThatThrownBy(() -> oss.deleteBucket("doomed")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("BucketNotEmpty"));
        assertThat(oss.doesBucketExist("doomed")).isTrue();

        oss.deleteObject("doomed", "k");
        oss.deleteBucket("doomed");
        assertThat(oss.doesBucketExist("doomed")).isFalse();
        assertThatThrownBy(() -> oss.deleteBucket("doomed")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void bucketLocationIsTheEmulatorsRegion() {
        assertThat(oss.getBucketLocation(BUCKET)).isEqualTo("oss-" + emulator.region());
        assertThat(oss.getBucketInfo(BUCKET).getBucket().getLocation()).isEqualTo("oss-" + emulator.region());
    }
}
