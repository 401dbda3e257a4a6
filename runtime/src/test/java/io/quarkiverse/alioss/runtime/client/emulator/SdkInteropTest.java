package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.UploadFileRequest;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.crc.Crc64;

/** Our client and the official SDK write and read the same objects: identical bytes, ETag and CRC-64. */
class SdkInteropTest {

    private static final String BUCKET = "interop";

    private static EmulatorClients env;
    private static OssClient client;
    private static OSS sdk;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        env = new EmulatorClients(BUCKET, null);
        client = env.client;
        sdk = EmulatorClients.officialSdk(env.emulator);
    }

    @AfterAll
    static void stop() throws Exception {
        sdk.shutdown();
        env.close();
    }

    @Test
    void sameBytesGiveTheSameEtagAndCrcFromEitherClient() throws Exception {
        byte[] data = EmulatorClients.random(300_001);

        UploadResult ours = client.putObject("ours/same.bin", data, UploadOptions.defaults());
        PutObjectResult theirs = sdk.putObject(BUCKET, "sdk/same.bin", new ByteArrayInputStream(data));

        assertThat(ours.etag()).isEqualTo(theirs.getETag());
        assertThat(ours.crc64()).hasValue(theirs.getServerCRC());
        assertThat(ours.crc64()).hasValue(Crc64.of(data));
        assertThat(client.getObject("sdk/same.bin").bytes()).isEqualTo(data);
        try (OSSObject read = sdk.getObject(BUCKET, "ours/same.bin")) {
            assertThat(read.getObjectContent().readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void multipartObjectsOfOurClientAreReadByTheSdkAndViceVersa() throws Exception {
        byte[] data = EmulatorClients.random(3 * 1024 * 1024 + 17);
        Path file = Files.write(tmp.resolve("mp.bin"), data);

        UploadResult ours = client.upload("ours/mp.bin", file, UploadOptions.defaults().partSize(1024 * 1024)
                .multipartThreshold(1024 * 1024));
        ObjectMetadata sdkView = sdk.getObjectMetadata(BUCKET, "ours/mp.bin");

        assertThat(ours.partCount()).isEqualTo(4);
        assertThat(sdkView.getETag()).isEqualTo(ours.etag());
        assertThat(sdkView.getServerCRC()).isEqualTo(ours.crc64().getAsLong());
        assertThat(sdkView.getContentLength()).isEqualTo(data.length);
        try (OSSObject read = sdk.getObject(BUCKET, "ours/mp.bin")) {
            assertThat(read.getObjectContent().readAllBytes()).isEqualTo(data);
        }

        sdk.putObject(BUCKET, "sdk/mp.bin", file.toFile());
        var metadata = client.headObject("sdk/mp.bin");
        assertThat(metadata.crc64()).hasValue(Crc64.of(data));
        assertThat(client.getObject("sdk/mp.bin").bytes()).isEqualTo(data);
    }

    @Test
    void theSameMultipartUploadGivesTheSameEtagAndCrcFromEitherClient() throws Throwable {
        byte[] data = EmulatorClients.random(3 * 1024 * 1024 + 99);
        Path file = Files.write(tmp.resolve("mp-parity.bin"), data);

        UploadResult ours = client.upload("ours/mp-parity.bin", file, UploadOptions.defaults()
                .partSize(1024 * 1024).multipartThreshold(1024 * 1024));
        UploadFileRequest upload = new UploadFileRequest(BUCKET, "sdk/mp-parity.bin");
        upload.setUploadFile(file.toString());
        upload.setPartSize(1024 * 1024);
        upload.setTaskNum(2);
        CompleteMultipartUploadResult theirs = sdk.uploadFile(upload).getMultipartUploadResult();

        assertThat(ours.partCount()).isEqualTo(4);
        assertThat(ours.etag()).isEqualTo(theirs.getETag()).endsWith("-4");
        assertThat(ours.crc64()).hasValue(theirs.getServerCRC()).hasValue(Crc64.of(data));
        assertThat(client.getObject("sdk/mp-parity.bin").bytes()).isEqualTo(data);
    }
}
