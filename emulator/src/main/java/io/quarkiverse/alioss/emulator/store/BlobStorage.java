package io.quarkiverse.alioss.emulator.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;

/**
 * Where uploaded bytes go: memory chunks (no data directory) or files in the data directory. Either way the bytes are
 * hashed while they stream in and are never gathered into one array.
 */
public final class BlobStorage {

    private static final OpenOptions WRITE = new OpenOptions().setWrite(true).setCreateNew(true);

    private final Vertx vertx;
    private final Path dataDir;

    private BlobStorage(Vertx vertx, Path dataDir) {
        this.vertx = vertx;
        this.dataDir = dataDir;
    }

    public static BlobStorage inMemory(Vertx vertx) {
        return new BlobStorage(vertx, null);
    }

    public static BlobStorage inDirectory(Vertx vertx, Path dataDir) {
        return new BlobStorage(vertx, dataDir);
    }

    /** Reads the stream to its end (resuming it if paused) and stores it. */
    public Future<Ingested> ingest(ReadStream<Buffer> in) {
        return dataDir == null ? ingestToMemory(in) : ingestToFile(in);
    }

    public Ingested ofBuffer(Buffer bytes) {
        ContentHasher hasher = new ContentHasher();
        hasher.update(bytes);
        return new Ingested(new MemoryBlob(List.of(bytes), bytes.length()), bytes.length(), hasher.md5(), hasher.crc64());
    }

    /** The concatenation of the given blobs as one, each retained by the result. */
    public Blob concat(List<Blob> blobs) {
        blobs.forEach(Blob::retain);
        return new CompositeBlob(blobs);
    }

    /**
     * {@code count} bytes of {@code source} from {@code offset} as a blob of their own sharing the source's bytes
     * (retained by the result), with their MD5 and CRC-64, computed by reading them once.
     */
    public Future<Ingested> slice(Blob source, long offset, long count) {
        Blob slice = new SliceBlob(source.retain(), offset, count);
        HashingSink sink = new HashingSink();
        return slice.writeTo(sink, 0, count).transform(written -> {
            if (written.failed()) {
                slice.release();
                return Future.failedFuture(written.cause());
            }
            return Future.succeededFuture(new Ingested(slice, count, sink.hasher.md5(), sink.hasher.crc64()));
        });
    }

    /**
     * {@code head} followed by {@code tail}, each retained by the result. An appendable object grows by one blob per
     * append; a composite head is flattened so that reading it stays one level deep.
     */
    public Blob append(Blob head, Blob tail) {
        List<Blob> parts = new ArrayList<>();
        if (head instanceof CompositeBlob composite) {
            parts.addAll(composite.parts());
        } else {
            parts.add(head);
        }
        parts.add(tail);
        return concat(parts);
    }

    private Future<Ingested> ingestToMemory(ReadStream<Buffer> in) {
        Promise<Ingested> done = Promise.promise();
        ContentHasher hasher = new ContentHasher();
        List<Buffer> chunks = new ArrayList<>();
        in.handler(chunk -> {
            hasher.update(chunk);
            chunks.add(chunk);
        });
        in.exceptionHandler(done::tryFail);
        in.endHandler(v -> done.tryComplete(new Ingested(new MemoryBlob(chunks, hasher.length()), hasher.length(),
                hasher.md5(), hasher.crc64())));
        in.resume();
        return done.future();
    }

    private Future<Ingested> ingestToFile(ReadStream<Buffer> in) {
        String path = dataDir.resolve(UUID.randomUUID() + ".blob").toString();
        return vertx.fileSystem().open(path, WRITE).compose(file -> copyInto(in, file).transform(result -> {
            Future<Void> closed = file.close();
            if (result.failed()) {
                return closed.eventually(() -> vertx.fileSystem().delete(path))
                        .transform(ignored -> Future.<Ingested> failedFuture(result.cause()));
            }
            ContentHasher hasher = result.result();
            return closed.map(v -> new Ingested(new FileBlob(vertx, path, hasher.length()), hasher.length(),
                    hasher.md5(), hasher.crc64()));
        }));
    }

    private static Future<ContentHasher> copyInto(ReadStream<Buffer> in, AsyncFile file) {
        Promise<ContentHasher> done = Promise.promise();
        ContentHasher hasher = new ContentHasher();
        file.exceptionHandler(done::tryFail);
        in.exceptionHandler(done::tryFail);
        in.handler(chunk -> {
            hasher.update(chunk);
            file.write(chunk);
            if (file.writeQueueFull()) {
                in.pause();
                file.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> done.tryComplete(hasher));
        in.resume();
        return done.future();
    }
}
