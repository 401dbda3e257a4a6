package io.quarkiverse.alioss.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.quarkiverse.alioss.ByteRange;
import io.quarkiverse.alioss.CopyObjectResult;
import io.quarkiverse.alioss.ListMultipartUploadsResult;
import io.quarkiverse.alioss.ListObjectsPage;
import io.quarkiverse.alioss.ListObjectsRequest;
import io.quarkiverse.alioss.ListPartsResult;
import io.quarkiverse.alioss.MultipartUpload;
import io.quarkiverse.alioss.ObjectMetadata;
import io.quarkiverse.alioss.ObjectSummary;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssObject;
import io.quarkiverse.alioss.PartETag;
import io.quarkiverse.alioss.PostObjectForm;
import io.quarkiverse.alioss.PostObjectRequest;
import io.quarkiverse.alioss.PresignedRequest;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.UploadOptions;
import io.quarkiverse.alioss.UploadResult;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/** {@link OssClient} on top of a {@link ReactiveOssClient}: every call waits for the reactive result. */
public class BlockingOssClient implements OssClient {

    /** Chunk size when reading an {@link InputStream}; parts are assembled from these. */
    private static final int READ_CHUNK = 64 * 1024;

    private final ReactiveOssClient reactive;
    private final Vertx vertx;

    /** @param vertx reads {@link InputStream}s in its worker pool */
    public BlockingOssClient(ReactiveOssClient reactive, Vertx vertx) {
        this.reactive = reactive;
        this.vertx = vertx;
    }

    public BlockingOssClient(VertxReactiveOssClient reactive) {
        this(reactive, reactive.vertx());
    }

    @Override
    public ReactiveOssClient reactive() {
        return reactive;
    }

    @Override
    public String bucket() {
        return reactive.bucket();
    }

    @Override
    public UploadResult putObject(String key, byte[] content, UploadOptions options) {
        return reactive.putObject(key, content, options).await().indefinitely();
    }

    @Override
    public UploadResult putObject(String key, Path file, UploadOptions options) {
        return reactive.putObject(key, file, options).await().indefinitely();
    }

    @Override
    public UploadResult putObject(String key, InputStream content, UploadOptions options) {
        return reactive.putObject(key, read(vertx, content), options).await().indefinitely();
    }

    @Override
    public OssObject getObject(String key) {
        return reactive.getObject(key).await().indefinitely();
    }

    @Override
    public OssObject getObject(String key, ByteRange range) {
        return reactive.getObject(key, range).await().indefinitely();
    }

    @Override
    public ObjectMetadata getObject(String key, Path target) {
        return reactive.getObject(key, target).await().indefinitely();
    }

    @Override
    public InputStream getObjectStream(String key, ByteRange range) {
        return new BufferStreamInputStream(reactive.getObjectStream(key, range).subscribe().asIterable(16, () -> new java.util.concurrent.ArrayBlockingQueue<>(16)));
    }

    @Override
    public ObjectMetadata headObject(String key) {
        return reactive.headObject(key).await().indefinitely();
    }

    @Override
    public void deleteObject(String key) {
        reactive.deleteObject(key).await().indefinitely();
    }

    @Override
    public List<String> deleteObjects(List<String> keys) {
        return reactive.deleteObjects(keys).await().indefinitely();
    }

    @Override
    public CopyObjectResult copyObject(String sourceKey, String targetKey) {
        return reactive.copyObject(sourceKey, targetKey).await().indefinitely();
    }

    @Override
    public ListObjectsPage listObjects(ListObjectsRequest request) {
        return reactive.listObjects(request).await().indefinitely();
    }

    @Override
    public Stream<ObjectSummary> listAllObjects(ListObjectsRequest request) {
        return reactive.listAllObjects(request).subscribe().asStream();
    }

    @Override
    public MultipartUpload initiateMultipartUpload(String key, UploadOptions options) {
        return reactive.initiateMultipartUpload(key, options).await().indefinitely();
    }

    @Override
    public PartETag uploadPart(String key, String uploadId, int partNumber, byte[] content) {
        return reactive.uploadPart(key, uploadId, partNumber, Buffer.buffer(content)).await().indefinitely();
    }

    @Override
    public PartETag uploadPart(String key, String uploadId, int partNumber, Path file, long offset, long length) {
        return reactive.uploadPart(key, uploadId, partNumber, file, offset, length).await().indefinitely();
    }

    @Override
    public UploadResult completeMultipartUpload(String key, String uploadId, List<PartETag> parts,
            UploadOptions options) {
        return reactive.completeMultipartUpload(key, uploadId, parts, options).await().indefinitely();
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        reactive.abortMultipartUpload(key, uploadId).await().indefinitely();
    }

    @Override
    public ListPartsResult listParts(String key, String uploadId) {
        return reactive.listParts(key, uploadId).await().indefinitely();
    }

    @Override
    public ListMultipartUploadsResult listMultipartUploads(String prefix) {
        return reactive.listMultipartUploads(prefix).await().indefinitely();
    }

    @Override
    public ListMultipartUploadsResult listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker) {
        return reactive.listMultipartUploads(prefix, keyMarker, uploadIdMarker).await().indefinitely();
    }

    @Override
    public ListPartsResult listParts(String key, String uploadId, int partNumberMarker) {
        return reactive.listParts(key, uploadId, partNumberMarker).await().indefinitely();
    }

    @Override
    public UploadResult upload(String key, Path file, UploadOptions options) {
        return reactive.upload(key, file, options).await().indefinitely();
    }

    @Override
    public UploadResult upload(String key, InputStream content, UploadOptions options) {
        return reactive.upload(key, read(vertx, content), options).await().indefinitely();
    }

    @Override
    public PresignedRequest presignGet(String key, Duration validity) {
        return reactive.presignGet(key, validity);
    }

    @Override
    public PresignedRequest presignPut(String key, Duration validity, String contentType, OssCallbackSpec callback) {
        return reactive.presignPut(key, validity, contentType, callback);
    }

    @Override
    public PostObjectForm postObjectForm(PostObjectRequest request) {
        return reactive.postObjectForm(request);
    }

    /**
     * The stream as a back-pressured {@link Multi}: one chunk is read per request, in Vert.x' worker pool (never on the
     * event loop), and handed back on a Vert.x context.
     */
    static Multi<Buffer> read(Vertx vertx, InputStream content) {
        return Multi.createBy().repeating().uni(() -> vertx.executeBlocking(() -> readChunk(content)))
                .whilst(chunk -> chunk.length() == READ_CHUNK)
                .select().where(chunk -> chunk.length() > 0);
    }

    private static Buffer readChunk(InputStream content) {
        byte[] chunk = new byte[READ_CHUNK];
        try {
            int n = content.readNBytes(chunk, 0, chunk.length);
            return Buffer.buffer(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload stream failed", e);
        }
    }
}
