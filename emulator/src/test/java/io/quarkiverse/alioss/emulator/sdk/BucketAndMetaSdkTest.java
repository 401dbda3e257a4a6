package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.SimplifiedObjectMeta;

/** GetObjectMeta, DeleteBucket and GetBucketLocation through the official SDK. */
class BucketAndMetaSdkTest {

    private static final String BUCKET = "meta-bucket";

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET);

    @Test
    void getObjectMetaAnswersSizeETagAndLastModified() {
        byte[] content = "meta only".getBytes(StandardCharsets.UTF_8);
        String etag = EMULATOR.oss().putObject(BUCKET, "m.txt", new ByteArrayInputStream(content)).getETag();
        SimplifiedObjectMeta meta = EMULATOR.oss().getSimplifiedObjectMeta(BUCKET, "m.txt");
        assertThat(meta.getSize()).isEqualTo(content.length);
        assertThat(meta.getETag()).isEqualTo(etag);
        assertThat(meta.getLastModified()).isNotNull();
        assertThat(EMULATOR.oss().doesObjectExist(BUCKET, "m.txt")).isTrue();
        assertThat(EMULATOR.oss().doesObjectExist(BUCKET, "absent.txt")).isFalse();
        assertThatThrownBy(() -> EMULATOR.oss().getSimplifiedObjectMeta(BUCKET, "absent.txt"))
                .isInstanceOfSatisfying(OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
    }

    @Test
    void deleteBucketRefusesANonEmptyBucketAndDeletesAnEmptyOne() {
        EMULATOR.oss().createBucket("doomed");
        EMULATOR.oss().putObject("doomed", "k", new ByteArrayInputStream(new byte[] { 1 }));
        assertThatThrownBy(() -> EMULATOR.oss().deleteBucket("doomed")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("BucketNotEmpty"));
        assertThat(EMULATOR.oss().doesBucketExist("doomed")).isTrue();

        EMULATOR.oss().deleteObject("doomed", "k");
        EMULATOR.oss().deleteBucket("doomed");
        assertThat(EMULATOR.oss().doesBucketExist("doomed")).isFalse();
        assertThatThrownBy(() -> EMULATOR.oss().deleteBucket("doomed")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void bucketLocationIsTheEmulatorsRegion() {
        assertThat(EMULATOR.oss().getBucketLocation(BUCKET)).isEqualTo("oss-" + EMULATOR.emulator().region());
        assertThat(EMULATOR.oss().getBucketInfo(BUCKET).getBucket().getLocation())
                .isEqualTo("oss-" + EMULATOR.emulator().region());
    }
}
