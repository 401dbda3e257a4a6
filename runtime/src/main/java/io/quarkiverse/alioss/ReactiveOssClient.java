package io.quarkiverse.alioss;

import java.nio.file.Path;
import java.util.List;

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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The non-blocking OSS client for one bucket (Mutiny). Every method is lazy: nothing is sent until the {@link Uni}
 * or {@link Multi} is subscribed. Failures are {@link OssException}s; a failed upload callback (HTTP 203) is an
 * {@link OssCallbackFailedException}.
 * <p>
 * Inject it, or {@link OssClient} for the blocking flavour; named clients with {@code @OssClientName("name")}.
 */
public interface ReactiveOssClient {

    /** The bucket this client works on. */
    String bucket();

    // ---- simple writes ----

    Uni<UploadResult> putObject(String key, byte[] content, UploadOptions options);

    Uni<UploadResult> putObject(String key, Buffer content, UploadOptions options);

    /** PutObject of a whole file, streamed from disk. */
    Uni<UploadResult> putObject(String key, Path file, UploadOptions options);

    /**
     * PutObject of a stream of unknown length, sent chunked. The stream is consumed once, so this request is never
     * retried; use {@link #upload(String, Multi, UploadOptions)} for retries and large streams.
     */
    Uni<UploadResult> putObject(String key, Multi<Buffer> content, UploadOptions options);

    // ---- reads ----

    /** The whole object, in memory. */
    Uni<OssObject> getObject(String key);

    /** A range of the object, in memory. */
    Uni<OssObject> getObject(String key, ByteRange range);

    /** Streams the object into {@code target} (created or truncated), never holding it in memory. */
    Uni<ObjectMetadata> getObject(String key, Path target);

    /**
     * The object's bytes as a stream (whole object when {@code range} is null). Nothing is held in memory beyond what
     * the subscriber has not consumed yet; the request is sent on subscription.
     */
    Multi<Buffer> getObjectStream(String key, ByteRange range);

    /** The object's bytes (or a range of them) as they arrive, with progress; see {@link DownloadOptions}. */
    Multi<Buffer> downloadStream(String key, DownloadOptions options);

    /** Streams the object (or a range of it) into {@code target}, with progress; see {@link DownloadOptions}. */
    Uni<ObjectMetadata> download(String key, Path target, DownloadOptions options);

    Uni<ObjectMetadata> headObject(String key);

    // ---- deletes, copy, list ----

    /** Deletes the object; succeeds also when it does not exist. */
    Uni<Void> deleteObject(String key);

    /** Deletes up to 1000 objects in one request; returns the keys OSS reports as deleted. */
    Uni<List<String>> deleteObjects(List<String> keys);

    /** Copies an object of this bucket to another key of this bucket (server side). */
    /**
     * AppendObject: appends {@code content} at {@code position}, which must be the object's length (0 creates an
     * appendable object, with the content type, metadata and typed options of {@code options}; later appends ignore
     * them). The object's CRC-64 is checked when it starts here; continue with
     * {@link #appendObject(AppendResult, byte[])} to have each append checked. Never retried: an append OSS carried out
     * without answering would make the next attempt fail with {@code PositionNotEqualToLength}.
     */
    Uni<AppendResult> appendObject(String key, long position, byte[] content, UploadOptions options);

    /** Appends {@code content} where {@code previous} ended, checking the object's CRC-64 against it. */
    Uni<AppendResult> appendObject(AppendResult previous, byte[] content);

    Uni<CopyObjectResult> copyObject(String sourceKey, String targetKey);

    /**
     * Copies {@code sourceBucket/sourceKey} (any bucket the credentials may read, in this client's region) to
     * {@code targetKey} in this client's bucket. Storage class, ACL, encryption and tags in {@code options} apply to the
     * copy; content type, user metadata or stored headers in it replace the source's (else they are copied), and tags
     * in it replace the source's tags.
     */
    Uni<CopyObjectResult> copyObject(String sourceBucket, String sourceKey, String targetKey, UploadOptions options);

    /** One page of ListObjectsV2. */
    Uni<ListObjectsPage> listObjects(ListObjectsRequest request);

    /** All objects matching the request, page after page, each page fetched when the previous one is consumed. */
    Multi<ObjectSummary> listAllObjects(ListObjectsRequest request);

    // ---- multipart ----

    Uni<MultipartUpload> initiateMultipartUpload(String key, UploadOptions options);

    Uni<PartETag> uploadPart(String key, String uploadId, int partNumber, Buffer content);

    /** Uploads {@code length} bytes of {@code file} from {@code offset} as one part, streamed from disk. */
    Uni<PartETag> uploadPart(String key, String uploadId, int partNumber, Path file, long offset, long length);

    /** Completes the upload; a callback in {@code options} is sent with this request. */
    Uni<UploadResult> completeMultipartUpload(String key, String uploadId, List<PartETag> parts,
            UploadOptions options);

    Uni<Void> abortMultipartUpload(String key, String uploadId);

    Uni<ListPartsResult> listParts(String key, String uploadId);

    /** The page of parts after {@code partNumberMarker} (see {@link ListPartsResult#nextPartNumberMarker()}). */
    Uni<ListPartsResult> listParts(String key, String uploadId, int partNumberMarker);

    /** In-progress multipart uploads whose key starts with {@code prefix} (null for all). */
    Uni<ListMultipartUploadsResult> listMultipartUploads(String prefix);

    /** The page after the given markers (see {@link ListMultipartUploadsResult#nextKeyMarker()}). */
    Uni<ListMultipartUploadsResult> listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker);

    // ---- high-level uploads ----

    /**
     * Uploads a file: one PutObject below the multipart threshold, otherwise a parallel multipart upload. Verifies
     * the CRC-64 OSS reports, reports progress, and aborts the multipart upload on any failure.
     */
    Uni<UploadResult> upload(String key, Path file, UploadOptions options);

    /**
     * Uploads a stream of unknown length: it is cut into parts of the configured size; a stream that fits into one
     * part below the threshold becomes one PutObject. At most {@code parallelism + 2} parts are held in memory.
     */
    Uni<UploadResult> upload(String key, Multi<Buffer> content, UploadOptions options);

    // ---- presigning (no I/O) ----

    /** Presigned URLs and browser PostObject forms for this client's bucket, signed with its credentials. */
    OssPresigner presigner();
}
