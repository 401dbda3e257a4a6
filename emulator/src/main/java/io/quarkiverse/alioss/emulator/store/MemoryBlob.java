package io.quarkiverse.alioss.emulator.store;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Bytes kept as the list of chunks they arrived in, so a large object never needs one contiguous array. */
final class MemoryBlob implements Blob {

    private final List<Buffer> chunks;
    private final long length;

    MemoryBlob(List<Buffer> chunks, long length) {
        this.chunks = List.copyOf(chunks);
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    /** {@code [offset, offset + count)} as one buffer, for a durable index that records small in-memory blobs inline. */
    Buffer bytes(long offset, long count) {
        // a sink that is never full takes every chunk at once, so the future is already complete
        return BlobHead.read(this, offset, count).result();
    }

    @Override
    public Future<Void> writeTo(WriteStream<Buffer> out, long offset, long count) {
        Promise<Void> done = Promise.promise();
        new Writer(out, offset, count, done).next();
        return done.future();
    }

    @Override
    public Blob retain() {
        return this;
    }

    @Override
    public void release() {
        // garbage collected
    }

    /** Writes chunk after chunk, pausing on a full write queue. */
    private final class Writer {
        private final WriteStream<Buffer> out;
        private final Promise<Void> done;
        private long skip;
        private long remaining;
        private int index;

        Writer(WriteStream<Buffer> out, long offset, long count, Promise<Void> done) {
            this.out = out;
            this.skip = offset;
            this.remaining = count;
            this.done = done;
        }

        void next() {
            while (remaining > 0 && index < chunks.size()) {
                Buffer chunk = chunks.get(index++);
                if (skip >= chunk.length()) {
                    skip -= chunk.length();
                    continue;
                }
                int start = (int) skip;
                int end = (int) Math.min(chunk.length(), start + remaining);
                skip = 0;
                remaining -= end - start;
                out.write(start == 0 && end == chunk.length() ? chunk : chunk.slice(start, end));
                if (out.writeQueueFull()) {
                    out.drainHandler(v -> next());
                    return;
                }
            }
            done.tryComplete();
        }
    }
}
