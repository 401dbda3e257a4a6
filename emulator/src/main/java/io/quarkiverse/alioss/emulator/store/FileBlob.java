package io.quarkiverse.alioss.emulator.store;

import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.WriteStream;

/** Bytes in a file of the data directory, read with Vert.x async file I/O; the file is deleted by the last owner. */
final class FileBlob implements Blob {

    private static final OpenOptions READ = new OpenOptions().setRead(true).setWrite(false).setCreate(false);

    private final Vertx vertx;
    private final String path;
    private final long length;
    private final AtomicInteger owners = new AtomicInteger(1);

    FileBlob(Vertx vertx, String path, long length) {
        this.vertx = vertx;
        this.path = path;
        this.length = length;
    }

    /** The file's path, as the durable index records it. */
    String path() {
        return path;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Future<Void> writeTo(WriteStream<Buffer> out, long offset, long count) {
        if (count == 0) {
            return Future.succeededFuture();
        }
        return vertx.fileSystem().open(path, READ).compose(file -> {
            file.setReadPos(offset).setReadLength(count);
            return file.pipe().endOnComplete(false).to(out)
                    .eventually(() -> file.close());
        });
    }

    @Override
    public Blob retain() {
        owners.incrementAndGet();
        return this;
    }

    @Override
    public void release() {
        if (owners.decrementAndGet() == 0) {
            vertx.fileSystem().delete(path);
        }
    }
}
