package io.quarkiverse.alioss.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** With a data directory, object bytes live in files (streamed in and out) and are removed with their objects. */
class DataDirStorageTest {

    @TempDir
    Path dataDir;

    private long blobFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".blob")).count();
        }
    }

    @Test
    void objectsAndPartsLiveInFilesAndAreRemovedWithTheirObjects() throws Exception {
        try (OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket("disk").dataDir(dataDir)
                .build())) {
            OSS oss = SdkClients.client(emulator, SignVersion.V4);
            try {
                byte[] content = new byte[3 * 1024 * 1024 + 17];
                new Random(11).nextBytes(content);
                oss.putObject("disk", "big.bin", new ByteArrayInputStream(content));
                assertThat(blobFiles()).isEqualTo(1);
                GetObjectRequest range = new GetObjectRequest("disk", "big.bin");
                range.setRange(1_000_000, 1_000_009);
                try (OSSObject part = oss.getObject(range)) {
                    assertThat(part.getObjectContent().readAllBytes())
                            .isEqualTo(java.util.Arrays.copyOfRange(content, 1_000_000, 1_000_010));
                }
                try (OSSObject whole = oss.getObject("disk", "big.bin")) {
                    assertThat(whole.getObjectContent().readAllBytes()).isEqualTo(content);
                }

                String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest("disk", "mp.bin"))
                        .getUploadId();
                List<PartETag> etags = new ArrayList<>();
                int half = content.length / 2;
                etags.add(oss.uploadPart(new UploadPartRequest("disk", "mp.bin", uploadId, 1,
                        new ByteArrayInputStream(content, 0, half), half)).getPartETag());
                etags.add(oss.uploadPart(new UploadPartRequest("disk", "mp.bin", uploadId, 2,
                        new ByteArrayInputStream(content, half, content.length - half), content.length - half))
                        .getPartETag());
                oss.completeMultipartUpload(new CompleteMultipartUploadRequest("disk", "mp.bin", uploadId, etags));
                try (OSSObject whole = oss.getObject("disk", "mp.bin")) {
                    assertThat(whole.getObjectContent().readAllBytes()).isEqualTo(content);
                }
                oss.copyObject("disk", "big.bin", "disk", "copy.bin");
                assertThat(blobFiles()).isEqualTo(3);

                oss.deleteObject("disk", "big.bin");
                // the copy still shares the bytes
                try (OSSObject copy = oss.getObject("disk", "copy.bin")) {
                    assertThat(copy.getObjectContent().readAllBytes()).isEqualTo(content);
                }
                oss.deleteObject("disk", "copy.bin");
                oss.deleteObject("disk", "mp.bin");
                Thread.sleep(200); // deletes are asynchronous
                assertThat(blobFiles()).isZero();
            } finally {
                oss.shutdown();
            }
        }
    }

    @Test
    void appendedObjectsAndCopiedPartsKeepTheirFilesUntilTheirLastOwnerIsDeleted() throws Exception {
        try (OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket("disk").dataDir(dataDir)
                .build())) {
            OSS oss = SdkClients.client(emulator, SignVersion.V4);
            try {
                long position = 0;
                for (String piece : List.of("abc", "def", "ghi")) {
                    AppendObjectRequest append = new AppendObjectRequest("disk", "log",
                            new ByteArrayInputStream(piece.getBytes(StandardCharsets.US_ASCII)));
                    append.setPosition(position);
                    position = oss.appendObject(append).getNextPosition();
                }
                assertThat(blobFiles()).isEqualTo(3);
                String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest("disk", "part.bin"))
                        .getUploadId();
                PartETag copied = oss.uploadPartCopy(new UploadPartCopyRequest("disk", "log", "disk", "part.bin",
                        uploadId, 1, 2L, 5L)).getPartETag();
                oss.completeMultipartUpload(new CompleteMultipartUploadRequest("disk", "part.bin", uploadId,
                        new ArrayList<>(List.of(copied))));
                oss.deleteObject("disk", "log");
                // the copied part still holds the files of the bytes it took
                try (OSSObject object = oss.getObject("disk", "part.bin")) {
                    assertThat(new String(object.getObjectContent().readAllBytes(), StandardCharsets.US_ASCII))
                            .isEqualTo("cdefg");
                }
                oss.deleteObject("disk", "part.bin");
                awaitNoBlobFiles();
            } finally {
                oss.shutdown();
            }
        }
    }

    /** File deletes are asynchronous. */
    private void awaitNoBlobFiles() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (blobFiles() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(blobFiles()).isZero();
    }
}
