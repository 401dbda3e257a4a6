package io.quarkiverse.alioss.runtime.client;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.PartETag;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.crc.Crc64;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The high-level upload: one PutObject below the threshold, otherwise InitiateMultipartUpload, parts in parallel
 * (bounded), CompleteMultipartUpload with the caller's callback. Any failure before completion aborts the upload so
 * that no orphaned parts stay behind.
 */
final class MultipartUploader {

    private static final Logger LOG = Logger.getLogger(MultipartUploader.class);

    private final VertxReactiveOssClient client;
    private final Vertx vertx;
    private final ClientOptions defaults;

    MultipartUploader(VertxReactiveOssClient client, Vertx vertx, ClientOptions defaults) {
        this.client = client;
        this.vertx = vertx;
        this.defaults = defaults;
    }

    Uni<UploadResult> uploadFile(String key, Path file, UploadOptions options) {
        return vertx.fileSystem().props(file.toString()).chain(props -> {
            long size = props.size();
            UploadProgress progress = new UploadProgress(options.progressListener(), size);
            if (size < threshold(options)) {
                return client.put(key, RequestBody.ofFile(file, 0, size), options)
                        .invoke(() -> progress.confirmed(size));
            }
            long partSize = filePartSize(size, options);
            int partCount = (int) ((size + partSize - 1) / partSize);
            MultipartSession session = new MultipartSession(key, options, progress);
            Multi<PartETag> parts = Multi.createFrom().range(1, partCount + 1).onItem().transformToUni(number -> {
                long offset = (number - 1) * partSize;
                return session.upload(number, RequestBody.ofFile(file, offset, Math.min(partSize, size - offset)));
            }).merge(parallelism(options));
            return session.run(parts);
        });
    }

    Uni<UploadResult> uploadStream(String key, Multi<Buffer> stream, UploadOptions options) {
        return Uni.createFrom().deferred(() -> {
            long partSize = options.partSize().orElse(defaults.partSize());
            long threshold = threshold(options);
            UploadProgress progress = new UploadProgress(options.progressListener(), -1);
            MultipartSession session = new MultipartSession(key, options, progress);
            AtomicReference<UploadResult> singlePut = new AtomicReference<>();
            Multi<PartETag> parts = PartChunker.parts(stream, partSize).onItem().transformToUni(part -> {
                if (part.number() == 1 && part.last() && part.content().length() < threshold) {
                    // the whole stream fits into one request: no multipart upload needed
                    return client.put(key, RequestBody.of(part.content()), options).map(result -> {
                        singlePut.set(result);
                        progress.confirmed(part.content().length());
                        return new PartETag(1, result.etag(), part.content().length(), result.crc64());
                    });
                }
                if (part.number() > UploadOptions.MAX_PARTS) {
                    return Uni.createFrom().<PartETag> failure(new IllegalArgumentException("The stream for '" + key
                            + "' needs more than " + UploadOptions.MAX_PARTS + " parts of " + partSize
                            + " bytes; raise partSize"));
                }
                return session.upload(part.number(), RequestBody.of(part.content()));
            }).merge(parallelism(options));
            return session.run(parts, singlePut).invoke(progress::finished);
        });
    }

    private long threshold(UploadOptions options) {
        return options.multipartThreshold().orElse(defaults.multipartThreshold());
    }

    private int parallelism(UploadOptions options) {
        return options.parallelism().orElse(defaults.parallelism());
    }

    /** The configured part size, raised if needed so that the file fits into 10000 parts. */
    private long filePartSize(long size, UploadOptions options) {
        long partSize = options.partSize().orElse(defaults.partSize());
        long minimum = (size + UploadOptions.MAX_PARTS - 1) / UploadOptions.MAX_PARTS;
        return Math.max(partSize, minimum);
    }

    /** One multipart upload: initiated lazily by the first part, aborted on failure. */
    private final class MultipartSession {

        private final String key;
        private final UploadOptions options;
        private final UploadProgress progress;
        private final AtomicReference<String> uploadId = new AtomicReference<>();
        private final AtomicBoolean initiateStarted = new AtomicBoolean();
        private final Uni<String> initiate;

        MultipartSession(String key, UploadOptions options, UploadProgress progress) {
            this.key = key;
            this.options = options;
            this.progress = progress;
            this.initiate = Uni.createFrom().deferred(() -> {
                initiateStarted.set(true);
                return client.initiateMultipartUpload(key, options);
            })
                    .map(upload -> {
                        uploadId.set(upload.uploadId());
                        return upload.uploadId();
                    })
                    .memoize().indefinitely();
        }

        Uni<PartETag> upload(int number, RequestBody body) {
            return initiate.chain(id -> client.uploadPart(key, id, number, body))
                    .invoke(part -> progress.confirmed(body.length()));
        }

        Uni<UploadResult> run(Multi<PartETag> parts) {
            return run(parts, new AtomicReference<>());
        }

        /** Uploads all parts, then completes; {@code singlePut} is set when the stream went out as one PutObject. */
        Uni<UploadResult> run(Multi<PartETag> parts, AtomicReference<UploadResult> singlePut) {
            return parts.collect().asList()
                    .onFailure().call(() -> abort())
                    .onCancellation().call(() -> abort())
                    .chain(uploaded -> singlePut.get() != null ? Uni.createFrom().item(singlePut.get())
                            : complete(uploaded));
        }

        private Uni<UploadResult> complete(List<PartETag> uploaded) {
            String id = uploadId.get();
            return client.completeMultipartUpload(key, id, uploaded, options)
                    .onFailure(failure -> !(failure instanceof OssCallbackFailedException)).call(() -> abort())
                    .invoke(result -> verifyWholeObject(uploaded, result));
        }

        /** The whole object's CRC OSS reports must be the combination of the parts' CRCs, in part order. */
        private void verifyWholeObject(List<PartETag> uploaded, UploadResult result) {
            if (result.crc64().isEmpty()) {
                return;
            }
            List<PartETag> sorted = new java.util.ArrayList<>(uploaded);
            sorted.sort(java.util.Comparator.comparingInt(PartETag::partNumber));
            long combined = 0;
            for (PartETag part : sorted) {
                combined = Crc64.combine(combined, part.crc64().orElseThrow(), part.size());
            }
            if (combined != result.crc64().getAsLong()) {
                throw SentBytesCrc.mismatch("POST", key, combined, result.crc64().getAsLong(), result.requestId(),
                        "the completed object differs from its uploaded parts");
            }
        }

        /** Aborts if the upload was started; an abort failure is logged and does not hide the original failure. */
        private Uni<Void> abort() {
            if (!initiateStarted.get()) {
                return Uni.createFrom().voidItem();
            }
            // an initiate still in flight when a part or the stream failed must be awaited, or its upload is orphaned
            return initiate.onFailure().recoverWithNull()
                    .chain(id -> id == null ? Uni.createFrom().voidItem() : abort(id));
        }

        private Uni<Void> abort(String id) {
            LOG.debugf("Aborting multipart upload of %s after a failure", key);
            return client.abortMultipartUpload(key, id).onFailure().recoverWithUni(failure -> {
                if (!(failure instanceof OssException oss && oss.status() == 404)) {
                    LOG.warnf("Could not abort multipart upload %s of %s: %s", id, key, failure.getMessage());
                }
                return Uni.createFrom().voidItem();
            });
        }
    }
}
