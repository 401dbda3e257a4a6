package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.CopyObjectResult;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.DeleteObjectsResult;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.UploadPartRequest;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** The official Aliyun SDK, signing with V1 and with V4, cannot tell the emulator from OSS. */
class SdkCompatibilityTest {

    private static final String BUCKET = "sdk-bucket";
    private static OssEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private final List<OSS> clients = new ArrayList<>();

    /** Remembers the client so that it is shut down after the test. */
    private OSS client(OSS oss) {
        clients.add(oss);
        return oss;
    }

    @AfterEach
    void shutdownClients() {
        clients.forEach(OSS::shutdown);
    }

    private static String key(SignVersion version, String name) {
        return version + "/" + name;
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void putGetHeadDeleteRoundTrip(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "dir/hello world+1.txt");
        byte[] content = "hello emulator".getBytes(StandardCharsets.UTF_8);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("text/plain");
        meta.addUserMetadata("owner", "alice");
        PutObjectResult put = oss.putObject(BUCKET, key, new ByteArrayInputStream(content), meta);
        assertThat(put.getETag()).isEqualTo(md5Hex(content));
        assertThat(put.getServerCRC()).isEqualTo(crc(content));

        try (OSSObject object = oss.getObject(BUCKET, key)) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(content);
            assertThat(object.getObjectMetadata().getContentType()).isEqualTo("text/plain");
            assertThat(object.getObjectMetadata().getUserMetadata()).containsEntry("owner", "alice");
            assertThat(object.getObjectMetadata().getServerCRC()).isEqualTo(crc(content));
        }
        ObjectMetadata head = oss.getObjectMetadata(BUCKET, key);
        assertThat(head.getContentLength()).isEqualTo(content.length);
        assertThat(head.getETag()).isEqualTo(md5Hex(content));
        assertThat(head.getServerCRC()).isEqualTo(crc(content));
        assertThat(head.getUserMetadata()).containsEntry("owner", "alice");
        assertThat(head.getContentType()).isEqualTo("text/plain");
        assertThat(head.getObjectType()).isEqualTo("Normal");

        oss.deleteObject(BUCKET, key);
        assertThat(oss.doesObjectExist(BUCKET, key)).isFalse();
        assertThatThrownBy(() -> oss.getObject(BUCKET, key))
                .isInstanceOfSatisfying(OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void rangeReadsReturnThePartAsked(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "range.bin");
        byte[] content = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        oss.putObject(BUCKET, key, new ByteArrayInputStream(content));
        GetObjectRequest request = new GetObjectRequest(BUCKET, key);
        request.setRange(2, 5);
        try (OSSObject part = oss.getObject(request)) {
            assertThat(new String(part.getObjectContent().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("2345");
        }
        GetObjectRequest beyond = new GetObjectRequest(BUCKET, key);
        beyond.setRange(16, 20);
        assertThatThrownBy(() -> oss.getObject(beyond)).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidRange"));
        request.setRange(10, -1);
        try (OSSObject tail = oss.getObject(request)) {
            assertThat(new String(tail.getObjectContent().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("abcdef");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void listsWithPrefixDelimiterAndContinuation(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version));
        String root = key(version, "list/");
        for (String name : List.of("a.txt", "b.txt", "c/1.txt", "c/2.txt", "d.txt")) {
            oss.putObject(BUCKET, root + name, new ByteArrayInputStream(new byte[] { 1 }));
        }
        // a page may end on a common prefix: the next page must not list that prefix's keys again
        for (int maxKeys : new int[] { 1, 2, 3 }) {
            ListObjectsV2Request request = new ListObjectsV2Request(BUCKET);
            request.setPrefix(root);
            request.setDelimiter("/");
            request.setMaxKeys(maxKeys);
            List<String> seen = new ArrayList<>();
            ListObjectsV2Result page;
            do {
                page = oss.listObjectsV2(request);
                assertThat(page.getKeyCount()).isLessThanOrEqualTo(maxKeys);
                page.getObjectSummaries().forEach(s -> seen.add(s.getKey()));
                seen.addAll(page.getCommonPrefixes());
                request.setContinuationToken(page.getNextContinuationToken());
            } while (page.isTruncated());
            assertThat(seen).as("max-keys %d", maxKeys).containsExactlyInAnyOrder(root + "a.txt", root + "b.txt",
                    root + "c/", root + "d.txt");
        }

        assertThat(oss.listObjects(BUCKET, root).getObjectSummaries()).extracting(s -> s.getKey())
                .containsExactly(root + "a.txt", root + "b.txt", root + "c/1.txt", root + "c/2.txt", root + "d.txt");

        ListObjectsV2Request all = new ListObjectsV2Request(BUCKET);
        all.setPrefix(root + "c/");
        all.setEncodingType("url");
        // asked for explicitly, the SDK leaves the decoding to the caller
        String encodedRoot = root.replace("/", "%2F");
        assertThat(oss.listObjectsV2(all).getObjectSummaries()).extracting(s -> s.getKey())
                .containsExactly(encodedRoot + "c%2F1.txt", encodedRoot + "c%2F2.txt");
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void copiesAndDeletesSeveral(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        String source = key(version, "copy/source.txt");
        String target = key(version, "copy/target.txt");
        byte[] content = "copied".getBytes(StandardCharsets.UTF_8);
        oss.putObject(BUCKET, source, new ByteArrayInputStream(content));
        CopyObjectResult copy = oss.copyObject(BUCKET, source, BUCKET, target);
        assertThat(copy.getETag()).isEqualTo(md5Hex(content));
        try (OSSObject object = oss.getObject(BUCKET, target)) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(content);
        }
        DeleteObjectsResult deleted = oss.deleteObjects(new DeleteObjectsRequest(BUCKET)
                .withKeys(List.of(source, target)).withQuiet(false));
        assertThat(deleted.getDeletedObjects()).containsExactlyInAnyOrder(source, target);
        assertThat(oss.doesObjectExist(BUCKET, source)).isFalse();
        assertThat(oss.doesObjectExist(BUCKET, target)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void multipartUploadCombinesPartsAndTheirCrc(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "multipart/big.bin");
        byte[] content = new byte[250_000];
        new Random(42).nextBytes(content);
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
                .getUploadId();
        assertThat(uploadId).matches("[0-9A-F]{32}");
        ListMultipartUploadsRequest uploadsRequest = new ListMultipartUploadsRequest(BUCKET);
        assertThat(oss.listMultipartUploads(uploadsRequest).getMultipartUploads())
                .extracting(u -> u.getUploadId()).contains(uploadId);

        List<PartETag> etags = new ArrayList<>();
        int[] sizes = { 102_400, 102_400, 45_200 };
        int offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            UploadPartRequest part = new UploadPartRequest(BUCKET, key, uploadId, i + 1,
                    new ByteArrayInputStream(content, offset, sizes[i]), sizes[i]);
            etags.add(oss.uploadPart(part).getPartETag());
            offset += sizes[i];
        }
        PartListing parts = oss.listParts(new ListPartsRequest(BUCKET, key, uploadId));
        assertThat(parts.getParts()).extracting(p -> p.getSize()).containsExactly(102_400L, 102_400L, 45_200L);

        CompleteMultipartUploadResult done = oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(BUCKET, key, uploadId, etags));
        // the SDK itself checks the server CRC against the one it combines from the parts (CRC check enabled)
        assertThat(done.getServerCRC()).isEqualTo(crc(content));
        assertThat(done.getETag()).matches("[0-9A-F]{32}-3");
        try (OSSObject object = oss.getObject(BUCKET, key)) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(content);
            assertThat(object.getObjectMetadata().getObjectType()).isEqualTo("Multipart");
        }
    }

    private static final int MIB = 1024 * 1024;

    /**
     * Acceptance: at least 50 MB in at least 5 parts, listed with ListParts, completed, and read back with the SDK's
     * CRC check on (the SDK combines the part CRCs itself and throws if the server's CRC differs).
     */
    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void multipartUploadOfFiftyMegabytesInFiveParts(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "multipart/fifty.bin");
        int[] sizes = { 10 * MIB, 10 * MIB, 10 * MIB, 10 * MIB, 11 * MIB };
        byte[] content = new byte[IntStream.of(sizes).sum()];
        assertThat(content.length).isGreaterThanOrEqualTo(50 * MIB);
        new Random(50).nextBytes(content);
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
                .getUploadId();
        List<PartETag> etags = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            UploadPartRequest part = new UploadPartRequest(BUCKET, key, uploadId, i + 1,
                    new ByteArrayInputStream(content, offset, sizes[i]), sizes[i]);
            PartETag etag = oss.uploadPart(part).getPartETag();
            assertThat(etag.getETag()).isEqualTo(md5Hex(Arrays.copyOfRange(content, offset, offset + sizes[i])));
            etags.add(etag);
            offset += sizes[i];
        }
        PartListing parts = oss.listParts(new ListPartsRequest(BUCKET, key, uploadId));
        assertThat(parts.getParts()).extracting(p -> p.getPartNumber()).containsExactly(1, 2, 3, 4, 5);
        assertThat(parts.getParts()).extracting(p -> p.getSize())
                .containsExactly(IntStream.of(sizes).mapToObj(size -> (long) size).toArray(Long[]::new));
        assertThat(parts.getParts()).extracting(p -> p.getETag())
                .containsExactlyElementsOf(etags.stream().map(PartETag::getETag).collect(Collectors.toList()));

        CompleteMultipartUploadResult done = oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(BUCKET, key, uploadId, etags));
        assertThat(done.getServerCRC()).isEqualTo(crc(content));
        assertThat(done.getETag()).matches("[0-9A-F]{32}-5");

        ObjectMetadata head = oss.getObjectMetadata(BUCKET, key);
        assertThat(head.getContentLength()).isEqualTo(content.length);
        assertThat(head.getServerCRC()).isEqualTo(crc(content));
        try (OSSObject object = oss.getObject(BUCKET, key); InputStream in = object.getObjectContent()) {
            assertSameBytes(in, content);
        }
        // a range across the boundary of parts 1 and 2
        GetObjectRequest range = new GetObjectRequest(BUCKET, key);
        range.setRange(10 * MIB - 3, 10 * MIB + 2);
        try (OSSObject object = oss.getObject(range)) {
            assertThat(object.getObjectContent().readAllBytes())
                    .isEqualTo(Arrays.copyOfRange(content, 10 * MIB - 3, 10 * MIB + 3));
        }
        oss.deleteObject(BUCKET, key);
    }

    /** Compares a large stream with the expected bytes without holding a second copy. */
    private static void assertSameBytes(InputStream in, byte[] expected) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        int position = 0;
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            assertThat(position + n).as("stream longer than expected").isLessThanOrEqualTo(expected.length);
            if (!Arrays.equals(chunk, 0, n, expected, position, position + n)) {
                throw new AssertionError("bytes differ in [" + position + ", " + (position + n) + ")");
            }
            position += n;
        }
        assertThat(position).isEqualTo(expected.length);
    }

    /** A separate upload with a part in it: AbortMultipartUpload discards the upload and its parts. */
    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void abortedUploadIsGone(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "multipart/aborted.bin");
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
                .getUploadId();
        oss.uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 1, new ByteArrayInputStream(new byte[100]), 100));
        assertThat(oss.listParts(new ListPartsRequest(BUCKET, key, uploadId)).getParts()).hasSize(1);

        oss.abortMultipartUpload(new com.aliyun.oss.model.AbortMultipartUploadRequest(BUCKET, key, uploadId));

        assertThatThrownBy(() -> oss.listParts(new ListPartsRequest(BUCKET, key, uploadId)))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchUpload"));
        assertThat(oss.listMultipartUploads(new ListMultipartUploadsRequest(BUCKET)).getMultipartUploads())
                .extracting(u -> u.getUploadId()).doesNotContain(uploadId);
        assertThatThrownBy(() -> oss.abortMultipartUpload(
                new com.aliyun.oss.model.AbortMultipartUploadRequest(BUCKET, key, uploadId)))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchUpload"));
        assertThat(emulator.hasObject(BUCKET, key)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void presignedGetAndPutWork(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "presigned/file name.txt");
        byte[] content = "via presigned url".getBytes(StandardCharsets.UTF_8);
        Date expiry = new Date(System.currentTimeMillis() + 600_000);
        GeneratePresignedUrlRequest putRequest = new GeneratePresignedUrlRequest(BUCKET, key, HttpMethod.PUT);
        putRequest.setExpiration(expiry);
        putRequest.setContentType("text/plain");
        URL putUrl = oss.generatePresignedUrl(putRequest);
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "text/plain");
        oss.putObject(putUrl, new ByteArrayInputStream(content), content.length, headers);

        URL getUrl = oss.generatePresignedUrl(BUCKET, key, expiry);
        try (OSSObject object = oss.getObject(getUrl, new HashMap<>())) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = getUrl.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void wrongSecretIsSignatureDoesNotMatch(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version, emulator.accessKeyId(), "not-the-secret", 0));
        assertThatThrownBy(() -> oss.putObject(BUCKET, "x", new ByteArrayInputStream(new byte[1])))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("SignatureDoesNotMatch"));
        assertThat(emulator.hasObject(BUCKET, "x")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void unknownKeyIdIsInvalidAccessKeyId(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version, "someone-else", emulator.accessKeySecret(), 0));
        assertThatThrownBy(() -> oss.getObject(BUCKET, "x"))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidAccessKeyId"));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void skewedClockIsRequestTimeTooSkewed(SignVersion version) {
        OSS oss = SdkClients.client(emulator, version, emulator.accessKeyId(), emulator.accessKeySecret(),
                -3_600_000L);
        try {
            assertThatThrownBy(() -> oss.putObject(BUCKET, "skewed", new ByteArrayInputStream(new byte[1])))
                    .isInstanceOfSatisfying(OSSException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo("RequestTimeTooSkewed"));
        } finally {
            oss.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void wrongContentMd5IsInvalidDigestAndNothingIsStored(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "md5.txt");
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentMD5("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThatThrownBy(() -> oss.putObject(BUCKET, key, new ByteArrayInputStream(new byte[] { 7 }), meta))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("InvalidDigest"));
        assertThat(emulator.hasObject(BUCKET, key)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void bucketInfoAndMissingBucket(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version));
        BucketInfo info = oss.getBucketInfo(BUCKET);
        assertThat(info.getBucket().getName()).isEqualTo(BUCKET);
        assertThat(oss.doesBucketExist(BUCKET)).isTrue();
        // the SDK asks GetBucketAcl and answers false only on NoSuchBucket
        assertThat(oss.doesBucketExist("no-such-bucket")).isFalse();
        assertThat(oss.getBucketAcl(BUCKET).getCannedACL()).isEqualTo(com.aliyun.oss.model.CannedAccessControlList.Private);
        assertThatThrownBy(() -> oss.getObject("no-such-bucket", "k"))
                .isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchBucket"));
        assertThat(oss.listBuckets().stream().map(b -> b.getName()).collect(Collectors.toList()))
                .contains(BUCKET);
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void completeRefusesWrongEtagsAndSmallParts(SignVersion version) {
        OSS oss = client(SdkClients.client(emulator, version));
        String key = key(version, "multipart/refused.bin");
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
                .getUploadId();
        PartETag small1 = oss.uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 1,
                new ByteArrayInputStream(new byte[10]), 10)).getPartETag();
        PartETag small2 = oss.uploadPart(new UploadPartRequest(BUCKET, key, uploadId, 2,
                new ByteArrayInputStream(new byte[10]), 10)).getPartETag();
        assertCompleteFails(oss, key, uploadId, List.of(new PartETag(1, "0123456789ABCDEF0123456789ABCDEF")),
                "InvalidPart");
        assertCompleteFails(oss, key, uploadId, List.of(small1, small2), "EntityTooSmall");
        assertThat(emulator.hasObject(BUCKET, key)).isFalse();
        // the upload survives refused completions
        assertThat(oss.listParts(new ListPartsRequest(BUCKET, key, uploadId)).getParts()).hasSize(2);
        UploadPartRequest badMd5 = new UploadPartRequest(BUCKET, key, uploadId, 3,
                new ByteArrayInputStream(new byte[10]), 10);
        badMd5.setMd5Digest("1B2M2Y8AsgTpgAmY7PhCfg==");
        assertThatThrownBy(() -> oss.uploadPart(badMd5)).isInstanceOfSatisfying(OSSException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidDigest"));
        assertThat(oss.listParts(new ListPartsRequest(BUCKET, key, uploadId)).getParts()).hasSize(2);
    }

    private static void assertCompleteFails(OSS oss, String key, String uploadId, List<PartETag> parts,
            String code) {
        assertThatThrownBy(() -> oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(BUCKET, key, uploadId, new ArrayList<>(parts))))
                .isInstanceOfSatisfying(OSSException.class, e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = { "V1", "V4" })
    void tamperedPresignedUrlIsRefused(SignVersion version) throws IOException {
        OSS oss = client(SdkClients.client(emulator, version));
        oss.putObject(BUCKET, key(version, "secret.txt"), new ByteArrayInputStream(new byte[] { 1 }));
        oss.putObject(BUCKET, key(version, "public.txt"), new ByteArrayInputStream(new byte[] { 2 }));
        URL url = oss.generatePresignedUrl(BUCKET, key(version, "public.txt"),
                new Date(System.currentTimeMillis() + 600_000));
        URL tampered = new URL(url.toString().replace("public.txt", "secret.txt"));
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) tampered.openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(403);
        assertThat(new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("<Code>SignatureDoesNotMatch</Code>");
    }

    static long crc(byte[] content) {
        CRC64 crc = new CRC64();
        crc.update(content, content.length);
        return crc.getValue();
    }

    static String md5Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
