package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.CreateSymlinkRequest;
import com.aliyun.oss.model.OSSSymlink;
import com.aliyun.oss.model.ObjectMetadata;

/** PutSymlink, GetSymlink, and reading an object through a symlink, with the official SDK. */
class SymlinkSdkTest {

    private static final String BUCKET = "links";
    private static final byte[] CONTENT = "the target's bytes".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET);

    private static String putTarget(String key) {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType("text/plain");
        metadata.addUserMetadata("kind", "target");
        return EMULATOR.oss().putObject(BUCKET, key, new ByteArrayInputStream(CONTENT), metadata).getETag();
    }

    @Test
    void aSymlinkNamesItsTargetAndReadsAsTheTarget() throws Exception {
        String target = "docs/target file ü.txt";
        String etag = putTarget(target);
        CreateSymlinkRequest create = new CreateSymlinkRequest(BUCKET, "links/latest", target);
        ObjectMetadata linkMetadata = new ObjectMetadata();
        linkMetadata.addUserMetadata("kind", "link");
        create.setMetadata(linkMetadata);
        EMULATOR.oss().createSymlink(create);

        OSSSymlink symlink = EMULATOR.oss().getSymlink(BUCKET, "links/latest");
        assertThat(symlink.getTarget()).isEqualTo(target);
        assertThat(symlink.getMetadata().getUserMetadata()).containsEntry("kind", "link");

        try (var object = EMULATOR.oss().getObject(BUCKET, "links/latest")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(CONTENT);
            assertThat(object.getObjectMetadata().getETag()).isEqualTo(etag);
            assertThat(object.getObjectMetadata().getContentType()).isEqualTo("text/plain");
        }
        ObjectMetadata head = EMULATOR.oss().getObjectMetadata(BUCKET, "links/latest");
        assertThat(head.getObjectType()).isEqualTo("Symlink");
        assertThat(head.getContentLength()).isEqualTo(CONTENT.length);
        assertThat(EMULATOR.oss().listObjects(BUCKET, "links/").getObjectSummaries())
                .extracting(s -> s.getKey() + ":" + s.getType() + ":" + s.getSize())
                .containsExactly("links/latest:Symlink:0");
    }

    @Test
    void aSymlinkToAMissingObjectIsSymlinkTargetNotExistButStillNamesIt() {
        EMULATOR.oss().createSymlink(BUCKET, "dangling", "nowhere.txt");
        assertThatThrownBy(() -> EMULATOR.oss().getObject(BUCKET, "dangling")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("SymlinkTargetNotExist"));
        assertThat(EMULATOR.oss().getSymlink(BUCKET, "dangling").getTarget()).isEqualTo("nowhere.txt");

        putTarget("nowhere.txt");
        assertThat(EMULATOR.oss().getObjectMetadata(BUCKET, "dangling").getContentLength()).isEqualTo(CONTENT.length);
        EMULATOR.oss().deleteObject(BUCKET, "nowhere.txt");
        assertThatThrownBy(() -> EMULATOR.oss().getObject(BUCKET, "dangling")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("SymlinkTargetNotExist"));
    }

    @Test
    void deletingASymlinkLeavesItsTargetAndAMissingSymlinkIsNoSuchKey() throws Exception {
        putTarget("kept.txt");
        EMULATOR.oss().createSymlink(BUCKET, "to-kept", "kept.txt");
        EMULATOR.oss().deleteObject(BUCKET, "to-kept");
        assertThat(EMULATOR.oss().doesObjectExist(BUCKET, "kept.txt")).isTrue();
        assertThatThrownBy(() -> EMULATOR.oss().getSymlink(BUCKET, "to-kept")).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
    }
}
