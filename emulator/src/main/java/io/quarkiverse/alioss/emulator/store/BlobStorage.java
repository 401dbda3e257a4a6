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
