package io.quarkiverse.alioss.runtime.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.callback.OssCallbackReply;
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
import io.quarkiverse.alioss.model.ServerSideEncryption;
import io.quarkiverse.alioss.model.StorageClass;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.presign.OssPresigner;
import io.quarkiverse.alioss.runtime.crc.Crc64;
import io.quarkiverse.alioss.runtime.metrics.ClientMeters;
import io.quarkiverse.alioss.runtime.signing.OssUriEncoder;
import io.quarkiverse.alioss.runtime.tracing.ClientSpans;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The Vert.x Web Client implementation of {@link ReactiveOssClient}. Usable without CDI:
 * {@code new VertxReactiveOssClient(vertx, options)}; {@link #close()} releases its connection pool.
 */
public class VertxReactiveOssClient implements ReactiveOssClient, AutoCloseable {

    private final OssHttp http;
    private final MultipartUploader uploader;
    private final Presigner presigner;

    /**
     * @param options must name a bucket
     * @param objectMapper maps PostObject policies and callback replies (the application's, in a Quarkus application)
     */
    public VertxReactiveOssClient(Vertx vertx, ClientOptions options, ObjectMapper objectMapper) {
        this(vertx, options, objectMapper, ClientMeters.NONE);
    }

    /** @param meters where the client reports its requests, see {@link io.quarkiverse.alioss.runtime.metrics} */
    public VertxReactiveOssClient(Vertx vertx, ClientOptions options, ObjectMapper objectMapper, ClientMeters meters) {
        this(vertx, options, objectMapper, meters, ClientSpans.NONE);
    }

    /** @param spans where the client starts the span of each request attempt */
    public VertxReactiveOssClient(Vertx vertx, ClientOptions options, ObjectMapper objectMapper, ClientMeters meters,
            ClientSpans spans) {
        this.http = new OssHttp(vertx, options, objectMapper, meters, spans);
        this.uploader = new MultipartUploader(this, vertx, options);
        this.presigner = new Presigner(http);
    }

    /** A client with a Jackson {@link ObjectMapper} of its own. */
    public VertxReactiveOssClient(Vertx vertx, ClientOptions options) {
        this(vertx, options, new ObjectMapper());
    }

    public VertxReactiveOssClient(io.vertx.core.Vertx vertx, ClientOptions options) {
        this(Vertx.newInstance(vertx), options);
    }

    /** The options this client was built with. */
    public ClientOptions options() {
        return http.options();
    }

    Vertx vertx() {
        return http.vertx();
    }

    @Override
    public String bucket() {
        return http.bucket();
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- simple writes ----

    @Override
    public Uni<UploadResult> putObject(String key, byte[] content, UploadOptions options) {
        return putObject(key, Buffer.buffer(content), options);
    }

    @Override
    public Uni<UploadResult> putObject(String key, Buffer content, UploadOptions options) {
        return put(key, RequestBody.of(content), options);
    }

    @Override
    public Uni<UploadResult> putObject(String key, Path file, UploadOptions options) {
        return http.vertx().fileSystem().props(file.toString())
                .chain(props -> put(key, RequestBody.ofFile(file, 0, props.size()), options));
    }

    @Override
    public Uni<UploadResult> putObject(String key, Multi<Buffer> content, UploadOptions options) {
        return put(key, RequestBody.ofStream(content), options);
    }

    @Override
    public Uni<AppendResult> appendObject(String key, long position, byte[] content, UploadOptions options) {
        // the object's CRC can be checked when it starts here: it is then the CRC of this content alone
        return append(key, position, content, options, position == 0 ? OptionalLong.of(0) : OptionalLong.empty());
    }

    @Override
    public Uni<AppendResult> appendObject(AppendResult previous, byte[] content) {
        return append(previous.key(), previous.nextPosition(), content, UploadOptions.DEFAULTS,
                OptionalLong.of(previous.crc64()));
    }

    /** @param crcBefore the object's CRC-64 before this append, when known: the result is then checked against it */
    private Uni<AppendResult> append(String key, long position, byte[] content, UploadOptions options,
            OptionalLong crcBefore) {
        if (position < 0) {
            throw new IllegalArgumentException("Append position must not be negative, got " + position);
        }
        if (options.hasCallback()) {
            throw new IllegalArgumentException("AppendObject takes no upload callback (append to " + key + ")");
        }
        OssRequest request = OssRequest.object(OssOperation.APPEND_OBJECT, key).query("append", null)
                .query("position", Long.toString(position)).body(RequestBody.of(Buffer.buffer(content)));
        if (position == 0) {
            // OSS keeps the headers of the append that creates the object and ignores those of later ones
            applyWriteHeaders(request, options);
        }
        return http.execute(request).map(response -> {
            Long reported = ResponseHeaders.crc64(response.header("x-oss-hash-crc64ecma"));
            long expected = Crc64.combine(crcBefore.orElse(0), Crc64.of(content), content.length);
            if (reported != null && crcBefore.isPresent() && reported != expected) {
                throw SentBytesCrc.mismatch("POST", key, expected, reported, response.requestId(),
                        "the object after the append is not what it was plus the data sent");
            }
            String next = response.header("x-oss-next-append-position");
            return new AppendResult(key, next == null ? position + content.length : Long.parseLong(next.trim()),
                    reported != null ? reported : expected, response.requestId());
        });
    }

    Uni<UploadResult> put(String key, RequestBody body, UploadOptions options) {
        OssRequest request = OssRequest.object(OssOperation.PUT_OBJECT, key).body(body);
        applyWriteHeaders(request, options);
        applyCallback(request, key, options);
        SentBytesCrc crc = new SentBytesCrc();
        return http.executeUpload(request, crc).map(response -> toUploadResult(key, response, null, 0, options));
    }

    // ---- reads ----

    @Override
    public Uni<OssObject> getObject(String key) {
        return get(key, null);
    }

    @Override
    public Uni<OssObject> getObject(String key, ByteRange range) {
        return get(key, range);
    }

    private Uni<OssObject> get(String key, ByteRange range) {
        OssRequest request = OssRequest.object(OssOperation.GET_OBJECT, key);
        if (range != null) {
            request.header("Range", range.toHeader());
        }
        return http.execute(request).map(response -> {
            Buffer body = response.body() == null ? Buffer.buffer() : response.body();
            ReceivedBytesCrc crc = new ReceivedBytesCrc();
            crc.accept(body);
            crc.verify(request, response.status(), response::header);
            return new OssObject(metadata(key, response), body);
        });
    }

    @Override
    public Uni<ObjectMetadata> getObject(String key, Path target) {
        return download(key, target, DownloadOptions.DEFAULTS);
    }

    @Override
    public Uni<ObjectMetadata> download(String key, Path target, DownloadOptions options) {
        return http.download(download(key, options), target, new DownloadProgress(options.progressListener()))
                .map(response -> metadata(key, response));
    }

    @Override
    public Multi<Buffer> getObjectStream(String key, ByteRange range) {
        return downloadStream(key, DownloadOptions.defaults().range(range));
    }

    @Override
    public Multi<Buffer> downloadStream(String key, DownloadOptions options) {
        return http.stream(download(key, options), new DownloadProgress(options.progressListener()));
    }

    private static OssRequest download(String key, DownloadOptions options) {
        OssRequest request = OssRequest.object(OssOperation.GET_OBJECT, key);
        options.range().ifPresent(range -> request.header("Range", range.toHeader()));
        return request;
    }

    @Override
    public Uni<ObjectMetadata> headObject(String key) {
        return http.execute(OssRequest.object(OssOperation.HEAD_OBJECT, key)).map(response -> metadata(key, response));
    }

    // ---- deletes, copy, list ----

    @Override
    public Uni<Void> deleteObject(String key) {
        return http.execute(OssRequest.object(OssOperation.DELETE_OBJECT, key)).replaceWithVoid();
    }

    @Override
    public Uni<List<String>> deleteObjects(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (keys.size() > 1000) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "deleteObjects takes at most 1000 keys per request, got " + keys.size()));
        }
        XmlWriter xml = new XmlWriter().open("Delete").element("Quiet", "false");
        for (String key : keys) {
            xml.open("Object").element("Key", key).close("Object");
        }
        byte[] body = xml.close("Delete").toString().getBytes(StandardCharsets.UTF_8);
        OssRequest request = OssRequest.bucket(OssOperation.DELETE_MULTIPLE_OBJECTS).query("delete", null)
                .query("encoding-type", "url")
                .header("Content-Type", "application/xml").header("Content-MD5", md5Base64(body))
                .body(RequestBody.of(body));
        return http.execute(request).map(response -> ResponseParsers.deletedKeys(response.bodyBytes()));
    }

    @Override
    public Uni<CopyObjectResult> copyObject(String sourceKey, String targetKey) {
        return copyObject(bucket(), sourceKey, targetKey, null);
    }

    @Override
    public Uni<CopyObjectResult> copyObject(String sourceBucket, String sourceKey, String targetKey,
            UploadOptions options) {
        OssRequest request = OssRequest.object(OssOperation.COPY_OBJECT, targetKey).header("x-oss-copy-source",
                "/" + sourceBucket + "/" + OssUriEncoder.encodePath(sourceKey));
        if (options != null) {
            if (options.hasCallback()) {
                throw new IllegalArgumentException("CopyObject takes no upload callback (copy of " + sourceKey + ")");
            }
            // given options replace what the copy would take over from the source; without any, it keeps them
            boolean replacesMetadata = options.contentType().isPresent() || !options.userMetadata().isEmpty()
                    || options.headers().keySet().stream().anyMatch(VertxReactiveOssClient::isMetadataHeader);
            if (replacesMetadata) {
                applyWriteHeaders(request, options);
                request.header("x-oss-metadata-directive", "REPLACE");
            } else {
                options.headers().forEach(request::header);
            }
            if (options.headers().containsKey("x-oss-tagging")) {
                request.header("x-oss-tagging-directive", "REPLACE");
            }
        }
        return http.execute(request).map(response -> ResponseParsers.copyObject(response.bodyBytes(),
                response.requestId(), Optional.ofNullable(response.header("x-oss-version-id"))));
    }

    @Override
    public Uni<ListObjectsPage> listObjects(ListObjectsRequest listRequest) {
        OssRequest request = OssRequest.bucket(OssOperation.LIST_OBJECTS_V2).query("list-type", "2")
                .query("encoding-type", "url")
                .query("max-keys", Integer.toString(listRequest.maxKeys()));
        listRequest.prefix().ifPresent(v -> request.query("prefix", v));
        listRequest.delimiter().ifPresent(v -> request.query("delimiter", v));
        listRequest.startAfter().ifPresent(v -> request.query("start-after", v));
        listRequest.continuationToken().ifPresent(v -> request.query("continuation-token", v));
        return http.execute(request).map(response -> ResponseParsers.listObjects(response.bodyBytes()));
    }

    @Override
    public Multi<ObjectSummary> listAllObjects(ListObjectsRequest listRequest) {
        return Multi.createFrom().deferred(() -> {
            AtomicReference<ListObjectsRequest> next = new AtomicReference<>(listRequest);
            return Multi.createBy().repeating()
                    .uni(() -> listObjects(next.get()).invoke(page -> page.nextContinuationToken()
                            .ifPresent(token -> next.set(next.get().continuationToken(token)))))
                    .whilst(page -> page.truncated() && page.nextContinuationToken().isPresent())
                    .onItem().transformToIterable(ListObjectsPage::objects);
        });
    }

    // ---- multipart ----

    @Override
    public Uni<MultipartUpload> initiateMultipartUpload(String key, UploadOptions options) {
        OssRequest request = OssRequest.object(OssOperation.INITIATE_MULTIPART_UPLOAD, key).query("uploads", null);
        applyWriteHeaders(request, options);
        return http.execute(request).map(response -> ResponseParsers.initiateMultipartUpload(response.bodyBytes()));
    }

    @Override
    public Uni<PartETag> uploadPart(String key, String uploadId, int partNumber, Buffer content) {
        return uploadPart(key, uploadId, partNumber, RequestBody.of(content));
    }

    @Override
    public Uni<PartETag> uploadPart(String key, String uploadId, int partNumber, Path file, long offset,
            long length) {
        return uploadPart(key, uploadId, partNumber, RequestBody.ofFile(file, offset, length));
    }

    Uni<PartETag> uploadPart(String key, String uploadId, int partNumber, RequestBody body) {
        if (partNumber < 1 || partNumber > UploadOptions.MAX_PARTS) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "partNumber must be between 1 and " + UploadOptions.MAX_PARTS + ", got " + partNumber));
        }
        OssRequest request = OssRequest.object(OssOperation.UPLOAD_PART, key).query("partNumber", Integer.toString(partNumber))
                .query("uploadId", uploadId).body(body);
        SentBytesCrc crc = new SentBytesCrc();
        return http.executeUpload(request, crc).map(response -> {
            http.meters().partUploaded();
            return new PartETag(partNumber, ResponseHeaders.unquote(response.header("ETag")), crc.length(),
                    OptionalLong.of(crc.value()));
        });
    }

    @Override
    public Uni<UploadResult> completeMultipartUpload(String key, String uploadId, List<PartETag> parts,
            UploadOptions options) {
        if (parts.isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "completeMultipartUpload of '" + key + "' needs at least one part"));
        }
        List<PartETag> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(PartETag::partNumber));
        XmlWriter xml = new XmlWriter().open("CompleteMultipartUpload");
        for (PartETag part : sorted) {
            xml.open("Part").element("PartNumber", Integer.toString(part.partNumber()))
                    .element("ETag", "\"" + part.etag() + "\"").close("Part");
        }
        byte[] body = xml.close("CompleteMultipartUpload").toString().getBytes(StandardCharsets.UTF_8);
        OssRequest request = OssRequest.object(OssOperation.COMPLETE_MULTIPART_UPLOAD, key).query("uploadId", uploadId)
                .header("Content-Type", "application/xml").body(RequestBody.of(body));
        applyCallback(request, key, options);
        return http.execute(request).map(response -> {
            String etag = options.hasCallback() ? null : ResponseParsers.completeMultipartUploadEtag(response.bodyBytes());
            return toUploadResult(key, response, etag, sorted.size(), options);
        });
    }

    @Override
    public Uni<Void> abortMultipartUpload(String key, String uploadId) {
        return http.execute(OssRequest.object(OssOperation.ABORT_MULTIPART_UPLOAD, key).query("uploadId", uploadId))
                .replaceWithVoid();
    }

    @Override
    public Uni<ListPartsResult> listParts(String key, String uploadId) {
        return listParts(key, uploadId, 0);
    }

    @Override
    public Uni<ListPartsResult> listParts(String key, String uploadId, int partNumberMarker) {
        OssRequest request = OssRequest.object(OssOperation.LIST_PARTS, key).query("uploadId", uploadId);
        if (partNumberMarker > 0) {
            request.query("part-number-marker", Integer.toString(partNumberMarker));
        }
        return http.execute(request).map(response -> ResponseParsers.listParts(response.bodyBytes()));
    }

    @Override
    public Uni<ListMultipartUploadsResult> listMultipartUploads(String prefix) {
        return listMultipartUploads(prefix, null, null);
    }

    @Override
    public Uni<ListMultipartUploadsResult> listMultipartUploads(String prefix, String keyMarker,
            String uploadIdMarker) {
        OssRequest request = OssRequest.bucket(OssOperation.LIST_MULTIPART_UPLOADS).query("uploads", null)
                .query("encoding-type", "url");
        if (prefix != null) {
            request.query("prefix", prefix);
        }
        if (keyMarker != null) {
            request.query("key-marker", keyMarker);
        }
        if (uploadIdMarker != null) {
            request.query("upload-id-marker", uploadIdMarker);
        }
        return http.execute(request).map(response -> ResponseParsers.listMultipartUploads(response.bodyBytes()));
    }

    // ---- high-level uploads ----

    @Override
    public Uni<UploadResult> upload(String key, Path file, UploadOptions options) {
        return uploader.uploadFile(key, file, options);
    }

    @Override
    public Uni<UploadResult> upload(String key, Multi<Buffer> content, UploadOptions options) {
        return uploader.uploadStream(key, content, options);
    }

    // ---- bucket ----

    /**
     * GetBucketInfo, for the readiness check: proves that the bucket exists and that the credentials may read it.
     * Fails with the {@link io.quarkiverse.alioss.OssException} OSS answered otherwise.
     */
    public Uni<Void> getBucketInfo() {
        return http.execute(OssRequest.bucket(OssOperation.GET_BUCKET_INFO).query("bucketInfo", null))
                .replaceWithVoid();
    }

    // ---- presigning ----

    @Override
    public OssPresigner presigner() {
        return presigner;
    }

    // ---- helpers ----

    private static void applyWriteHeaders(OssRequest request, UploadOptions options) {
        request.header("Content-Type", options.contentType().orElse("application/octet-stream"));
        for (Map.Entry<String, String> meta : options.userMetadata().entrySet()) {
            request.header("x-oss-meta-" + meta.getKey(), meta.getValue());
        }
        options.headers().forEach(request::header);
    }

    /**
     * A header CopyObject takes over from the source unless {@code x-oss-metadata-directive} is {@code REPLACE}; storage
     * class, ACL, encryption and tags apply to the copy either way.
     */
    private static boolean isMetadataHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("content-") || lower.equals("cache-control") || lower.equals("expires")
                || lower.startsWith("x-oss-meta-");
    }

    /** A template's callback is bound here, to this bucket and key, so its token names exactly this upload. */
    private void applyCallback(OssRequest request, String key, UploadOptions options) {
        options.callbackHeaders(http.bucket(), key).forEach(request::header);
    }

    private UploadResult toUploadResult(String key, OssResponse response, String etagFromBody, int partCount,
            UploadOptions options) {
        String etag = ResponseHeaders.unquote(response.header("ETag"));
        if (etag == null) {
            etag = etagFromBody;
        }
        Optional<OssCallbackReply> reply = options.hasCallback()
                ? Optional.of(new OssCallbackReply(response.bodyBytes(), response.header("Content-Type"),
                        http.objectMapper()))
                : Optional.empty();
        return new UploadResult(key, etag, ResponseHeaders.optionalCrc64(response.header("x-oss-hash-crc64ecma")),
                response.requestId(), Optional.ofNullable(response.header("x-oss-version-id")), partCount, reply);
    }

    private static ObjectMetadata metadata(String key, OssResponse response) {
        Map<String, String> userMetadata = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-meta-")) {
                userMetadata.put(name.substring("x-oss-meta-".length()), header.getValue());
            }
        }
        String length = response.header("Content-Length");
        return new ObjectMetadata(key, length == null ? -1 : Long.parseLong(length.trim()),
                response.header("Content-Type"), ResponseHeaders.unquote(response.header("ETag")),
                ResponseHeaders.httpDate(response.header("Last-Modified")),
                ResponseHeaders.optionalCrc64(response.header("x-oss-hash-crc64ecma")),
                response.header("x-oss-object-type"), Map.copyOf(userMetadata), response.requestId(),
                Optional.ofNullable(response.header("x-oss-version-id")),
                Optional.ofNullable(response.header("x-oss-storage-class")).flatMap(StorageClass::fromWireName),
                encryption(response), Optional.ofNullable(response.header("Cache-Control")),
                Optional.ofNullable(response.header("Content-Disposition")), tagCount(response));
    }

    private static Optional<ServerSideEncryption> encryption(OssResponse response) {
        String algorithm = response.header("x-oss-server-side-encryption");
        if (algorithm == null) {
            return Optional.empty();
        }
        String keyId = response.header("x-oss-server-side-encryption-key-id");
        return Optional.of(new ServerSideEncryption(algorithm, "KMS".equals(algorithm)
                ? Optional.ofNullable(keyId).filter(id -> !id.isBlank())
                : Optional.empty()));
    }

    private static OptionalInt tagCount(OssResponse response) {
        String count = response.header("x-oss-tagging-count");
        try {
            return count == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(count.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String md5Base64(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
