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
import com.aliyun.oss.model.CreateSymlinkRequest;
import com.aliyun.oss.model.OSSSymlink;
import com.aliyun.oss.model.ObjectMetadata;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** PutSymlink, GetSymlink, and reading an object through a symlink, with the official SDK. */
class SymlinkSdkTest {

    private static final String BUCKET = "links";
    private static final byte[] CONTENT = "the target's bytes".getBytes(StandardCharsets.UTF_8);
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

    private static String putTarget(String key) {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType("text/plain");
        metadata.addUserMetadata("kind", "target");
        return oss.putObject(BUCKET, key, new ByteArrayInputStream(CONTENT), metadata).getETag();
    }

    @Test
    void aSymlinkNamesItsTargetAndReadsAsTheTarget() throws Exception {
        String target = "docs/target file ü.txt";
        String etag = putTarget(target);
        CreateSymlinkRequest create = new CreateSymlinkRequest(BUCKET, "links/latest", target);
        ObjectMetadata linkMetadata = new ObjectMetadata();
        linkMetadata.addUserMetadata("kind", "link");
        create.setMetadata(linkMetadata);
        oss.createSymlink(create);

        OSSSymlink symlink = oss.getSymlink(BUCKET, "links/latest");
        assertThat(symlink.getTarget()).isEqualTo(target);
        assertThat(symlink.getMetadata().getUserMetadata()).containsEntry("kind", "link");

        try (var object = oss.getObject(BUCKET, "links/latest")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(CONTENT);
            assertThat(object.getObjectMetadata().getETag()).isEqualTo(etag);
            assertThat(object.getObjectMetadata().getContentType()).isEqualTo("text/plain");
        }
        ObjectMetadata head = oss.getObjectMetadata(BUCKET, "links/latest");
        assertThat(head.getObjectType()).isEqualTo("Symlink");
        assertThat(head.getContentLength()).isEqualTo(CONTENT.length);
        assertThat(oss.listObjects(BUCKET, "links/").getObjectSummaries())
                .extracting(s -> s.getKey() + ":" + s.getType() + ":" + s.getSize())
                .containsExactly("links/latest:Symlink:0");
    }

    @Test
    void aSymlinkToAMissingObjectIsSymlinkTargetNotExistButStillNamesIt() {
        oss.createSymlink(BUCKET, "dangling", "nowhere.txt");
        assertThatThrownBy(() -> oss.getObject(BUCKET, "dangling")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("SymlinkTargetNotExist"));
        assertThat(oss.getSymlink(BUCKET, "dangling").getTarget()).isEqualTo("nowhere.txt");

        putTarget("nowhere.txt");
        assertThat(oss.getObjectMetadata(BUCKET, "dangling").getContentLength()).isEqualTo(CONTENT.length);
        oss.deleteObject(BUCKET, "nowhere.txt");
        assertThatThrownBy(() -> oss.getObject(BUCKET, "dangling")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("SymlinkTargetNotExist"));
    }

    @Test
    void deletingASymlinkLeavesItsTargetAndAMissingSymlinkIsNoSuchKey() throws Exception {
        putTarget("kept.txt");
        oss.createSymlink(BUCKET, "to-kept", "kept.txt");
        oss.deleteObject(BUCKET, "to-kept");
        assertThat(oss.doesObjectExist(BUCKET, "kept.txt")).isTrue();
        assertThatThrownBy(() -> oss.getSymlink(BUCKET, "to-kept")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
    }
}
