package io.quarkiverse.alioss.runtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.stream.Stream;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.ReactiveOssClient;
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
import io.quarkiverse.alioss.runtime.tracing.OssTracing;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/** {@link OssClient} on top of a {@link ReactiveOssClient}: every call waits for the reactive result. */
public class BlockingOssClient implements OssClient {

    /** Chunk size when reading an {@link InputStream}; parts are assembled from these. */
    private static final int READ_CHUNK = 64 * 1024;

    private final ReactiveOssClient reactive;
    private final Vertx vertx;
    private final BlockingWaits waits;
    /** Carries the caller's trace to the event loop the call is started on. */
    private final OssTracing tracing = OssTracing.current();

    /**
     * @param vertx reads {@link InputStream}s in its worker pool
     * @param clientName the configured client's name, for the keys that timeout messages name
     * @param options the client's options, for its blocking timeouts
     */
    public BlockingOssClient(ReactiveOssClient reactive, Vertx vertx, String clientName, ClientOptions options) {
        this.reactive = reactive;
        this.vertx = vertx;
        this.waits = BlockingWaits.of(clientName, options);
    }

    /** A blocking client over a client built in code, with that client's blocking timeouts. */
    public BlockingOssClient(VertxReactiveOssClient reactive) {
        this(reactive, reactive.vertx(), OssClientName.DEFAULT, reactive.options());
    }

    private <T> T await(Uni<T> call) {
        return await(call, waits.call(), waits.callKey());
    }

    private <T> T awaitTransfer(Uni<T> call) {
        return await(call, waits.transfer(), waits.transferKey());
    }

    /**
     * Waits at most {@code limit} for a reactive call that was started on the caller's event loop in one hop; when the
     * limit passes the call is cancelled (a multipart upload is then aborted). Subscribed here instead, the call would
     * sign here and Vert.x would hop to the event loop for each step of the request (about 70 us more per small request
     * on a loaded 2-core machine). A Vert.x thread (event loop or worker) subscribes in place: it is already where
     * Vert.x wants it, or hopping would not help.
     */
    private <T> T await(Uni<T> call, Duration limit, String key) {
        Uni<T> started = call;
        if (!Context.isOnVertxThread()) {
            Context context = vertx.getDelegate().getOrCreateContext();
            if (context.isEventLoopContext()) {
                // a context of the call's own, like a request's: only there can a trace be current on the event loop
                Context own = VertxContext.createNewDuplicatedContext(context);
                started = call.runSubscriptionOn(command -> {
                    Runnable traced = tracing.carryingCurrentTrace(command);
                    own.runOnContext(ignored -> traced.run());
                });
            }
        }
        try {
            return started.await().atMost(limit);
        } catch (TimeoutException e) {
            throw OssException.clientSide("ClientTimeout", "no result within " + limit + " (" + key
                    + "); the request was cancelled", null, null, e);
        }
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
        return awaitTransfer(reactive.putObject(key, content, options));
    }

    @Override
    public UploadResult putObject(String key, Path file, UploadOptions options) {
        return awaitTransfer(reactive.putObject(key, file, options));
    }

    @Override
    public UploadResult putObject(String key, InputStream content, UploadOptions options) {
        return awaitTransfer(reactive.putObject(key, read(vertx, content), options));
    }

    @Override
    public OssObject getObject(String key) {
        return awaitTransfer(reactive.getObject(key));
    }

    @Override
    public OssObject getObject(String key, ByteRange range) {
        return awaitTransfer(reactive.getObject(key, range));
    }

    @Override
    public ObjectMetadata getObject(String key, Path target) {
        return awaitTransfer(reactive.getObject(key, target));
    }

    @Override
    public InputStream getObjectStream(String key, ByteRange range) {
        return downloadStream(key, DownloadOptions.defaults().range(range));
    }

    @Override
    public InputStream downloadStream(String key, DownloadOptions options) {
        return new BufferStreamInputStream(reactive.downloadStream(key, options).subscribe().asIterable(16,
                () -> new ArrayBlockingQueue<>(16)));
    }

    @Override
    public ObjectMetadata download(String key, Path target, DownloadOptions options) {
        return awaitTransfer(reactive.download(key, target, options));
    }

    @Override
    public ObjectMetadata headObject(String key) {
        return await(reactive.headObject(key));
    }

    @Override
    public void deleteObject(String key) {
        await(reactive.deleteObject(key));
    }

    @Override
    public List<String> deleteObjects(List<String> keys) {
        return await(reactive.deleteObjects(keys));
    }

    @Override
    public AppendResult appendObject(String key, long position, byte[] content, UploadOptions options) {
        return await(reactive.appendObject(key, position, content, options));
    }

    @Override
    public AppendResult appendObject(AppendResult previous, byte[] content) {
        return await(reactive.appendObject(previous, content));
    }

    @Override
    public CopyObjectResult copyObject(String sourceKey, String targetKey) {
        return await(reactive.copyObject(sourceKey, targetKey));
    }

    @Override
    public CopyObjectResult copyObject(String sourceBucket, String sourceKey, String targetKey, UploadOptions options) {
        return await(reactive.copyObject(sourceBucket, sourceKey, targetKey, options));
    }

    @Override
    public ListObjectsPage listObjects(ListObjectsRequest request) {
        return await(reactive.listObjects(request));
    }

    @Override
    public Stream<ObjectSummary> listAllObjects(ListObjectsRequest request) {
        return reactive.listAllObjects(request).subscribe().asStream();
    }

    @Override
    public MultipartUpload initiateMultipartUpload(String key, UploadOptions options) {
        return await(reactive.initiateMultipartUpload(key, options));
    }

    @Override
    public PartETag uploadPart(String key, String uploadId, int partNumber, byte[] content) {
        return awaitTransfer(reactive.uploadPart(key, uploadId, partNumber, Buffer.buffer(content)));
    }

    @Override
    public PartETag uploadPart(String key, String uploadId, int partNumber, Path file, long offset, long length) {
        return awaitTransfer(reactive.uploadPart(key, uploadId, partNumber, file, offset, length));
    }

    @Override
    public UploadResult completeMultipartUpload(String key, String uploadId, List<PartETag> parts,
            UploadOptions options) {
        return await(reactive.completeMultipartUpload(key, uploadId, parts, options));
    }

    @Override
    public void abortMultipartUpload(String key, String uploadId) {
        await(reactive.abortMultipartUpload(key, uploadId));
    }

    @Override
    public ListPartsResult listParts(String key, String uploadId) {
        return await(reactive.listParts(key, uploadId));
    }

    @Override
    public ListMultipartUploadsResult listMultipartUploads(String prefix) {
        return await(reactive.listMultipartUploads(prefix));
    }

    @Override
    public ListMultipartUploadsResult listMultipartUploads(String prefix, String keyMarker, String uploadIdMarker) {
        return await(reactive.listMultipartUploads(prefix, keyMarker, uploadIdMarker));
    }

    @Override
    public ListPartsResult listParts(String key, String uploadId, int partNumberMarker) {
        return await(reactive.listParts(key, uploadId, partNumberMarker));
    }

    @Override
    public UploadResult upload(String key, Path file, UploadOptions options) {
        return awaitTransfer(reactive.upload(key, file, options));
    }

    @Override
    public UploadResult upload(String key, InputStream content, UploadOptions options) {
        return awaitTransfer(reactive.upload(key, read(vertx, content), options));
    }

    @Override
    public OssPresigner presigner() {
        return reactive.presigner();
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
