package io.quarkiverse.alioss.benchmarks.harness;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadFileRequest;
import com.aliyun.oss.model.UploadPartRequest;

import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** The official SDK (3.18.4) with V4 signing and its default retries and CRC check, as an application gets it. */
final class SdkBenchClient implements BenchClient {

    private final OSS sdk;
    private final String bucket;
    private final boolean plainLoop;

    /** @param plainLoop upload as the SDK's multipart sample does: one part after the other, no thread pool */
    SdkBenchClient(String endpoint, String bucket, boolean plainLoop) {
        this.bucket = bucket;
        this.plainLoop = plainLoop;
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        sdk = OSSClientBuilder.create().endpoint(endpoint)
                .credentialsProvider(new DefaultCredentialProvider(OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID,
                        OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf).region(OssEmulatorOptions.DEFAULT_REGION).build();
    }

    @Override
    public void upload(String key, Path file, long partSize, int parallelism) throws Exception {
        if (plainLoop) {
            uploadPartByPart(key, file, partSize);
            return;
        }
        UploadFileRequest request = new UploadFileRequest(bucket, key);
        request.setUploadFile(file.toString());
        request.setPartSize(partSize);
        request.setTaskNum(parallelism);
        request.setEnableCheckpoint(false);
        try {
            sdk.uploadFile(request);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private void uploadPartByPart(String key, Path file, long partSize) throws Exception {
        String uploadId = sdk.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key)).getUploadId();
        long size = Files.size(file);
        List<PartETag> parts = new ArrayList<>();
        for (long offset = 0; offset < size; offset += partSize) {
            // the SDK closes a part's stream once it is sent, so each part reads the file through its own
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(offset);
                UploadPartRequest part = new UploadPartRequest(bucket, key, uploadId, parts.size() + 1, in,
                        Math.min(partSize, size - offset));
                parts.add(sdk.uploadPart(part).getPartETag());
            }
        }
        sdk.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, key, uploadId, parts));
    }

    @Override
    public void put(String key, byte[] content) {
        ObjectMetadata metadata = new ObjectMetadata(); // a known length, as ours sends it, rather than chunked
        metadata.setContentLength(content.length);
        sdk.putObject(bucket, key, new ByteArrayInputStream(content), metadata);
    }

    @Override
    public void delete(String key) {
        sdk.deleteObject(bucket, key);
    }

    @Override
    public void close() {
        sdk.shutdown();
    }
}
