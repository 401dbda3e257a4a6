package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;

/** UploadPartCopy through the official SDK: parts copied from ranges of objects, completed into the right object. */
class UploadPartCopySdkTest {

    private static final String BUCKET = "part-copy";
    private static final String OTHER_BUCKET = "part-copy-source";
    private static final int PART = 100 * 1024;

    @RegisterExtension
    static final EmulatorWithSdk EMULATOR = new EmulatorWithSdk(BUCKET, OTHER_BUCKET);

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] md5(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("MD5").digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Test
    void rangesOfObjectsBecomePartsWithTheirMd5AndCompleteIntoTheRightBytesAndETag() throws Exception {
        byte[] source = random(3 * PART + 123, 1);
        byte[] other = random(PART / 2, 2);
        EMULATOR.oss().putObject(BUCKET, "source.bin", new ByteArrayInputStream(source));
        EMULATOR.oss().putObject(OTHER_BUCKET, "dir/other object.bin", new ByteArrayInputStream(other));
        byte[] uploaded = random(PART, 3);
        String uploadId = EMULATOR.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "assembled.bin"))
                .getUploadId();

        // part 1: the second 100 KB of the source; part 2: uploaded bytes; part 3: the source's tail from 2*PART;
        // part 4: a whole object of another bucket, its name URL-encoded in x-oss-copy-source
        PartETag p1 = EMULATOR.oss().uploadPartCopy(new UploadPartCopyRequest(BUCKET, "source.bin", BUCKET, "assembled.bin",
                uploadId, 1, (long) PART, (long) PART)).getPartETag();
        UploadPartRequest part2 = new UploadPartRequest(BUCKET, "assembled.bin", uploadId, 2,
                new ByteArrayInputStream(uploaded), uploaded.length);
        PartETag p2 = EMULATOR.oss().uploadPart(part2).getPartETag();
        PartETag p3 = EMULATOR.oss().uploadPartCopy(new UploadPartCopyRequest(BUCKET, "source.bin", BUCKET, "assembled.bin",
                uploadId, 3, 2L * PART, (long) (source.length - 2 * PART))).getPartETag();
        PartETag p4 = EMULATOR.oss().uploadPartCopy(new UploadPartCopyRequest(OTHER_BUCKET, "dir/other object.bin", BUCKET,
                "assembled.bin", uploadId, 4, null, null)).getPartETag();

        byte[] range1 = Arrays.copyOfRange(source, PART, 2 * PART);
        byte[] range3 = Arrays.copyOfRange(source, 2 * PART, source.length);
        assertThat(p1.getETag()).isEqualTo(hex(md5(range1)));
        assertThat(p3.getETag()).isEqualTo(hex(md5(range3)));
        assertThat(p4.getETag()).isEqualTo(hex(md5(other)));
        assertThat(EMULATOR.oss().listParts(new ListPartsRequest(BUCKET, "assembled.bin", uploadId)).getParts())
                .extracting(p -> p.getPartNumber() + ":" + p.getSize())
                .containsExactly("1:" + PART, "2:" + PART, "3:" + range3.length, "4:" + other.length);

        String etag = EMULATOR.oss().completeMultipartUpload(new CompleteMultipartUploadRequest(BUCKET, "assembled.bin",
                uploadId, new ArrayList<>(List.of(p1, p2, p3, p4)))).getETag();

        MessageDigest partDigests = MessageDigest.getInstance("MD5");
        for (byte[] part : List.of(range1, uploaded, range3, other)) {
            partDigests.update(md5(part));
        }
        assertThat(etag).isEqualTo(hex(partDigests.digest()) + "-4");
        byte[] expected = concat(range1, uploaded, range3, other);
        try (var object = EMULATOR.oss().getObject(BUCKET, "assembled.bin")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(expected);
            assertThat(object.getObjectMetadata().getETag()).isEqualTo(etag);
            assertThat(object.getObjectMetadata().getObjectType()).isEqualTo("Multipart");
        }
        // the copies share bytes with their sources, which stay as they were when overwritten
        EMULATOR.oss().putObject(BUCKET, "source.bin", new ByteArrayInputStream(new byte[] { 7 }));
        try (var object = EMULATOR.oss().getObject(BUCKET, "assembled.bin")) {
            assertThat(object.getObjectContent().readAllBytes()).isEqualTo(expected);
        }
    }

    @Test
    void aMissingSourceIsNoSuchKeyAndStoresNoPart() {
        String uploadId = EMULATOR.oss().initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "nothing.bin"))
                .getUploadId();
        assertThatThrownBy(() -> EMULATOR.oss().uploadPartCopy(new UploadPartCopyRequest(BUCKET, "absent.bin", BUCKET,
                "nothing.bin", uploadId, 1, null, null))).isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchKey"));
        assertThatThrownBy(() -> EMULATOR.oss().uploadPartCopy(new UploadPartCopyRequest(BUCKET, "absent.bin", BUCKET,
                "nothing.bin", "NOSUCHUPLOAD", 1, null, null))).isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("NoSuchUpload"));
        assertThat(EMULATOR.oss().listParts(new ListPartsRequest(BUCKET, "nothing.bin", uploadId)).getParts()).isEmpty();
    }

    private static byte[] concat(byte[]... arrays) {
        int length = Arrays.stream(arrays).mapToInt(a -> a.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] a : arrays) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }
}
