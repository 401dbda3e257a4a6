package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.ObjectPermission;

import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.vertx.core.http.HttpMethod;

/** Object tagging and object ACL round trips through the official SDK. */
class TaggingAndAclSdkTest {

    private static final String BUCKET = "attributes";
    private static final byte[] CONTENT = "tagged bytes".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET);

    private static String put(String key, ObjectMetadata metadata) {
        return EMULATOR.oss().putObject(BUCKET, key, new ByteArrayInputStream(CONTENT), metadata).getETag();
    }

    @Test
    void tagsSetOnUploadAreReadReplacedAndDeletedWithoutTouchingTheObject() throws Exception {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setObjectTagging(Map.of("team", "a b", "env", "test"));
        String etag = put("tagged.txt", metadata);
        assertThat(EMULATOR.oss().getObjectTagging(BUCKET, "tagged.txt").getAllTags())
                .isEqualTo(Map.of("team", "a b", "env", "test"));
        assertThat(EMULATOR.oss().getObjectMetadata(BUCKET, "tagged.txt").getRawMetadata()).containsEntry("x-oss-tagging-count",
                "2");

        EMULATOR.oss().setObjectTagging(BUCKET, "tagged.txt", Map.of("only", "one"));
        assertThat(EMULATOR.oss().getObjectTagging(BUCKET, "tagged.txt").getAllTags()).isEqualTo(Map.of("only", "one"));

        EMULATOR.oss().deleteObjectTagging(BUCKET, "tagged.txt");
        assertThat(EMULATOR.oss().getObjectTagging(BUCKET, "tagged.txt").getAllTags()).isEmpty();
        try (var object = EMULATOR.oss().getObject(BUCKET, "tagged.txt")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(CONTENT);
            assertThat(object.getObjectMetadata().getETag()).isEqualTo(etag);
        }
    }

    @Test
    void copiesKeepTagsUnlessReplaced() {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setObjectTagging(Map.of("k", "v"));
        put("source.txt", metadata);
        EMULATOR.oss().copyObject(BUCKET, "source.txt", BUCKET, "kept.txt");
        assertThat(EMULATOR.oss().getObjectTagging(BUCKET, "kept.txt").getAllTags()).isEqualTo(Map.of("k", "v"));

        CopyObjectRequest replace = new CopyObjectRequest(BUCKET, "source.txt", BUCKET, "replaced.txt");
        ObjectMetadata newMetadata = new ObjectMetadata();
        newMetadata.setObjectTagging(Map.of("new", "1"));
        newMetadata.setHeader("x-oss-tagging-directive", "REPLACE");
        replace.setNewObjectMetadata(newMetadata);
        EMULATOR.oss().copyObject(replace);
        assertThat(EMULATOR.oss().getObjectTagging(BUCKET, "replaced.txt").getAllTags()).isEqualTo(Map.of("new", "1"));
    }

    @Test
    void taggingAMissingObjectIsNoSuchKeyAndElevenTagsAreRefused() {
        assertThatThrownBy(() -> EMULATOR.oss().getObjectTagging(BUCKET, "absent.txt")).isInstanceOfSatisfying(
                OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
        put("limits.txt", new ObjectMetadata());
        Map<String, String> eleven = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        assertThatThrownBy(() -> EMULATOR.oss().setObjectTagging(BUCKET, "limits.txt", eleven)).isInstanceOfSatisfying(
                OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("InvalidArgument"));
        assertThat(EMULATOR.oss().getObjectTagging(BUCKET, "limits.txt").getAllTags()).isEmpty();
    }

    @Test
    void objectAclIsDefaultUntilSetAndPublicReadOpensAnonymousReads() throws Exception {
        put("acl.txt", new ObjectMetadata());
        assertThat(EMULATOR.oss().getObjectAcl(BUCKET, "acl.txt").getPermission()).isEqualTo(ObjectPermission.Default);
        try (RawHttp raw = new RawHttp(EMULATOR.emulator().port())) {
            assertThat(raw.send(HttpMethod.GET, "/" + BUCKET + "/acl.txt", null, null).status()).isEqualTo(403);

            EMULATOR.oss().setObjectAcl(BUCKET, "acl.txt", CannedAccessControlList.PublicRead);
            assertThat(EMULATOR.oss().getObjectAcl(BUCKET, "acl.txt").getPermission()).isEqualTo(ObjectPermission.PublicRead);
            RawHttp.Response anonymous = raw.send(HttpMethod.GET, "/" + BUCKET + "/acl.txt", null, null);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.body().getBytes()).isEqualTo(CONTENT);

            EMULATOR.oss().setObjectAcl(BUCKET, "acl.txt", CannedAccessControlList.Private);
            assertThat(EMULATOR.oss().getObjectAcl(BUCKET, "acl.txt").getPermission()).isEqualTo(ObjectPermission.Private);
            assertThat(raw.send(HttpMethod.GET, "/" + BUCKET + "/acl.txt", null, null).status()).isEqualTo(403);
        }
    }

    @Test
    void aclGivenOnUploadIsKeptAndAnUnknownAclIsRefused() {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setObjectAcl(CannedAccessControlList.PublicReadWrite);
        put("uploaded-acl.txt", metadata);
        assertThat(EMULATOR.oss().getObjectAcl(BUCKET, "uploaded-acl.txt").getPermission())
                .isEqualTo(ObjectPermission.PublicReadWrite);
        ObjectMetadata bad = new ObjectMetadata();
        bad.setHeader("x-oss-object-acl", "everyone");
        assertThatThrownBy(() -> put("bad-acl.txt", bad)).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidArgument"));
        assertThat(EMULATOR.emulator().hasObject(BUCKET, "bad-acl.txt")).isFalse();
    }
}
