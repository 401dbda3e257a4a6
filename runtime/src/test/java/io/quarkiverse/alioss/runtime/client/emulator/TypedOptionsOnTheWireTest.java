package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.aliyun.oss.OSS;
import com.aliyun.oss.internal.OSSHeaders;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.ObjectPermission;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.model.ListObjectsRequest;
import io.quarkiverse.alioss.model.ObjectAcl;
import io.quarkiverse.alioss.model.ObjectMetadata;
import io.quarkiverse.alioss.model.ServerSideEncryption;
import io.quarkiverse.alioss.model.StorageClass;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.MultiMap;

/**
 * Each typed upload option goes on the wire as the official SDK sends it (both clients write through a recording proxy
 * in front of the emulator), and the emulator stores it and answers it back, as OSS does.
 */
class TypedOptionsOnTheWireTest {

    private static final String BUCKET = "typed";
    private static final List<String> OPTION_HEADERS = List.of("x-oss-storage-class", "x-oss-object-acl",
            "x-oss-server-side-encryption", "x-oss-server-side-encryption-key-id", "x-oss-tagging", "Cache-Control",
            "Content-Disposition", "Content-Encoding", "Expires");
    private static final Map<String, String> TAGS = tags();

    private static EmulatorClients env;
    private static RecordingProxy proxy;
    private static OssClient ours;
    private static VertxReactiveOssClient oursReactive;
    private static OSS sdk;

    @BeforeAll
    static void start() throws Exception {
        env = new EmulatorClients(BUCKET, null);
        proxy = new RecordingProxy(env.vertx, env.emulator.port());
        OssCredentials credentials = OssCredentials.of(env.emulator.accessKeyId(), env.emulator.accessKeySecret());
        oursReactive = new VertxReactiveOssClient(env.vertx, ClientOptions.of(URI.create(proxy.url()), BUCKET, true,
                new OssV4Signer(env.emulator.region()), () -> credentials));
        ours = new BlockingOssClient(oursReactive);
        sdk = EmulatorClients.officialSdk(env.emulator, proxy.url());
    }

    @AfterAll
    static void stop() throws Exception {
        sdk.shutdown();
        oursReactive.close();
        proxy.close();
        env.close();
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("project", "alioss 1");
        tags.put("owner", "a+b/c~*=&");
        tags.put("目录", "ü");
        return tags;
    }

    static Stream<Arguments> encryptions() {
        return Stream.of(
                Arguments.of("oss-managed", ServerSideEncryption.ossManaged(), "AES256", null),
                Arguments.of("sm4", ServerSideEncryption.ossManagedSm4(), "SM4", null),
                Arguments.of("kms-default", ServerSideEncryption.kms(), "KMS", null),
                Arguments.of("kms-key", ServerSideEncryption.kms("key-1234"), "KMS", "key-1234"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptions")
    void typedOptionsAreSentAsTheSdkSendsThemAndStored(String name, ServerSideEncryption encryption, String algorithm,
            String keyId) throws Exception {
        byte[] content = name.getBytes(StandardCharsets.UTF_8);
        String ourKey = "ours/" + name + ".txt";
        String sdkKey = "sdk/" + name + ".txt";
        ours.putObject(ourKey, content, UploadOptions.defaults()
                .storageClass(StorageClass.IA)
                .acl(ObjectAcl.PRIVATE)
                .serverSideEncryption(encryption)
                .tags(TAGS)
                .cacheControl("max-age=60")
                .contentDisposition("attachment; filename=\"a b.txt\"")
                .contentEncoding("identity")
                .expires("Wed, 21 Oct 2026 07:28:00 GMT"));
        MultiMap oursSent = lastPut();

        com.aliyun.oss.model.ObjectMetadata metadata = new com.aliyun.oss.model.ObjectMetadata();
        metadata.setHeader(OSSHeaders.OSS_STORAGE_CLASS, com.aliyun.oss.model.StorageClass.IA.toString());
        metadata.setObjectAcl(CannedAccessControlList.Private);
        metadata.setServerSideEncryption(algorithm);
        if (keyId != null) {
            metadata.setServerSideEncryptionKeyId(keyId);
        }
        metadata.setObjectTagging(TAGS);
        metadata.setCacheControl("max-age=60");
        metadata.setContentDisposition("attachment; filename=\"a b.txt\"");
        metadata.setContentEncoding("identity");
        metadata.setHeader("Expires", "Wed, 21 Oct 2026 07:28:00 GMT");
        sdk.putObject(BUCKET, sdkKey, new ByteArrayInputStream(content), metadata);
        MultiMap sdkSent = lastPut();

        for (String header : OPTION_HEADERS) {
            assertThat(oursSent.get(header)).as(header).isEqualTo(sdkSent.get(header));
            if (keyId != null || !header.endsWith("-key-id")) {
                assertThat(oursSent.get(header)).as(header).isNotNull();
            }
        }
        assertThat(oursSent.get("x-oss-tagging"))
                .isEqualTo("project=alioss%201&owner=a%2Bb%2Fc~%2A%3D%26&%E7%9B%AE%E5%BD%95=%C3%BC");
        assertThat(oursSent.get("x-oss-server-side-encryption")).isEqualTo(algorithm);

        for (String key : List.of(ourKey, sdkKey)) {
            ObjectMetadata head = ours.headObject(key);
            assertThat(head.storageClass()).as(key).contains(StorageClass.IA);
            assertThat(head.serverSideEncryption()).as(key).hasValueSatisfying(sse -> {
                assertThat(sse.algorithm()).isEqualTo(algorithm);
                if (algorithm.equals("KMS")) {
                    // without a key of the user's, OSS names the default key it used
                    assertThat(sse.kmsKeyId()).hasValue(keyId != null ? keyId : "emulator-default-kms-key");
                }
            });
            assertThat(head.cacheControl()).contains("max-age=60");
            assertThat(head.contentDisposition()).contains("attachment; filename=\"a b.txt\"");
            assertThat(head.tagCount()).hasValue(TAGS.size());
            assertThat(sdk.getObjectTagging(BUCKET, key).getAllTags()).isEqualTo(TAGS);
            assertThat(sdk.getObjectAcl(BUCKET, key).getPermission()).isEqualTo(ObjectPermission.Private);
            assertThat(ours.getObject(key).bytes()).isEqualTo(content);
        }
    }

    @Test
    void archivedObjectIsDescribedButNotServedWithoutARestore() {
        ours.putObject("archive/cold.bin", new byte[] { 1, 2, 3 },
                UploadOptions.defaults().storageClass(StorageClass.ARCHIVE));

        assertThat(ours.headObject("archive/cold.bin").storageClass()).contains(StorageClass.ARCHIVE);
        OssException refused = catchThrowableOfType(OssException.class, () -> ours.getObject("archive/cold.bin"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("InvalidObjectState");
    }

    @Test
    void objectWithoutOptionsIsStandardAndUnencrypted() {
        ours.putObject("plain/p.txt", new byte[] { 1 }, UploadOptions.defaults());

        ObjectMetadata head = ours.headObject("plain/p.txt");
        assertThat(head.storageClass()).contains(StorageClass.STANDARD);
        assertThat(head.serverSideEncryption()).isEmpty();
        assertThat(head.tagCount()).isEmpty();
    }

    @Test
    void emulatorRefusesWhatOssRefuses() {
        OssException storageClass = catchThrowableOfType(OssException.class, () -> ours.putObject("bad/1", new byte[1],
                UploadOptions.defaults().header("x-oss-storage-class", "Frozen")));
        assertThat(storageClass.code()).isEqualTo("InvalidArgument");

        OssException algorithm = catchThrowableOfType(OssException.class, () -> ours.putObject("bad/2", new byte[1],
                UploadOptions.defaults().header("x-oss-server-side-encryption", "DES")));
        assertThat(algorithm.code()).isEqualTo("InvalidEncryptionAlgorithmError");

        OssException keyWithoutKms = catchThrowableOfType(OssException.class, () -> ours.putObject("bad/3",
                new byte[1], UploadOptions.defaults().serverSideEncryption(ServerSideEncryption.ossManaged())
                        .header("x-oss-server-side-encryption-key-id", "k")));
        assertThat(keyWithoutKms.code()).isEqualTo("InvalidArgument");
        assertThat(ours.listObjects(ListObjectsRequest.withPrefix("bad/")).objects())
                .isEmpty();
    }

    @Test
    void typedOptionsCheckWhatTheClientCanCheck() {
        Map<String, String> eleven = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> UploadOptions.defaults().tags(eleven)))
                .hasMessageContaining("at most 10 tags");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> UploadOptions.defaults().tags(Map.of("", "v")))).hasMessageContaining("keys are 1 to 128");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ServerSideEncryption("AES256", Optional.of("k")))).hasMessageContaining("KMS");
        UploadOptions kmsThenManaged = UploadOptions.defaults().serverSideEncryption(ServerSideEncryption.kms("k"))
                .serverSideEncryption(ServerSideEncryption.ossManaged());
        assertThat(kmsThenManaged.headers()).containsEntry("x-oss-server-side-encryption", "AES256")
                .doesNotContainKey("x-oss-server-side-encryption-key-id");
    }

    /** The headers of the last PUT through the proxy. */
    private static MultiMap lastPut() {
        List<MultiMap> all = proxy.requestHeaders();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).contains("x-oss-tagging") || all.get(i).contains("x-oss-storage-class")) {
                return all.get(i);
            }
        }
        throw new AssertionError("no PUT with options went through the proxy");
    }
}
