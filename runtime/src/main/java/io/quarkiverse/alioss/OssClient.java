package io.quarkiverse.alioss;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.quarkiverse.alioss.model.AppendResult;
import io.quarkiverse.alioss.model.ByteRange;
import io.quarkiverse.alioss.model.CopyObjectResult;
import io.quarkiverse.alioss.model.DownloadOptions;
import io.quarkiverse.alioss.model.ListMultipartUploadsResult;
import io.quarkiverse.alioss.model.ListObjectsPage;
import io.quarkiverse.alioss.model.ListObjectsRequest;
import io.quarkiverse.alioss.model.ListPartsResult;
import io.quarkiverse.alioss.model.MultipartUpload;
import io.quarkiverse.alioss.model.ObjectMetadata;
import io.quarkiverse.alioss.model.ObjectSummary;
import io.quarkiverse.alioss.model.OssObject;
import io.quarkiverse.alioss.model.PartETag;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.presign.OssPresigner;

/**
 * The blocking OSS client for one bucket: the same operations as {@link ReactiveOssClient}, for worker threads and
 * virtual threads (never call it on the event loop). Failures are {@link OssException}s; a failed upload callback
 * (HTTP 203) is an {@link OssCallbackFailedException}.
 * <p>
 * Inject it as is for the default client, or with {@code @OssClientName("name")} for a named one.
 */
public interface OssClient {

    /** The non-blocking client this one delegates to. */
    ReactiveOssClient reactive();

    String bucket();

    UploadResult putObject(String key, byte[] content, UploadOptions options);

    UploadResult putObject(String key, Path file, UploadOptions options);

    /** PutObject of a stream of unknown length, sent chunked and never retried. The stream is not closed. */
    UploadResult putObject(String key, InputStream content, UploadOptions options);

    OssObject getObject(String key);

    OssObject getObject(String key, ByteRange range);

    ObjectMetadata getObject(String key, Path target);

    /**
     * The object's bytes (whole object when {@code range} is null) as a stream read from the network while it is
     * consumed. Close it to release the connection early.
     */
    InputStream getObjectStream(String key, ByteRange range);

    /** See {@link ReactiveOssClient#downloadStream(String, DownloadOptions)}. */
    InputStream downloadStream(String key, DownloadOptions options);

    /** See {@link ReactiveOssClient#download(String, Path, DownloadOptions)}. */
    ObjectMetadata download(String key, Path target, DownloadOptions options);

    ObjectMetadata headObject(String key);

    void deleteObject(String key);

    List<String> deleteObjects(List<String> keys);

    /** See {@link ReactiveOssClient#appendObject(String, long, byte[], UploadOptions)}. */
    AppendResult appendObject(String key, long position, byte[] content, UploadOptions options);

    /** See {@link ReactiveOssClient#appendObject(AppendResult, byte[])}. */
    AppendResult appendObject(AppendResult previous, byte[] content);

    CopyObjectResult copyObject(String sourceKey, String targetKey);

    /** See {@link ReactiveOssClient#copyObject(String, String, String, UploadOptions)}. */
    CopyObjectResult copyObject(String sourceBucket, String sourceKey, String targetKey, UploadOptions options);

    ListObjectsPage listObjects(ListObjectsRequest request);

    /** All matching objects; pages are fetched lazily as the stream is consumed. */
    Stream<ObjectSummary> listAllObjects(ListObjectsRequest request);

    MultipartUpload initiateMultipartUpload(String key, UploadOptions options);

    PartETag uploadPart(String key, String uploadId, int partNumber, byte[] content);

    PartETag uploadPart(String key, String uploadId, int partNumber, Path file, long offset, long length);

    UploadResult completeMultipartUpload(String key, String uploadId, List<PartETag> parts, UploadOptions options);

    void abortMultipartUpload(String key, String uploadId);

    ListPartsResult listParts(String key, String uploadId);

    ListPartsResult listParts(String key, String uploadId, int partNumberMarker);

    ListMultipartUploadsResult listMultipartUploads(String prefix);

    ListMultipartUploadsResult listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker);

    /** High-level upload of a file; see {@link ReactiveOssClient#upload(String, Path, UploadOptions)}. */
    UploadResult upload(String key, Path file, UploadOptions options);

    /**
     * High-level upload of a stream of unknown length, read on a worker thread, cut into parts; memory stays bounded
     * by the part size and parallelism. The stream is not closed.
     */
    UploadResult upload(String key, InputStream content, UploadOptions options);

    // ---- presigning (no I/O) ----

    /** Presigned URLs and browser PostObject forms for this client's bucket, signed with its credentials. */
    OssPresigner presigner();
}
