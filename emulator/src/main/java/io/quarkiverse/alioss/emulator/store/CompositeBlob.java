package io.quarkiverse.alioss.emulator.store;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** A multipart object: its parts' blobs back to back, without copying their bytes. */
final class CompositeBlob implements Blob {

    private final List<Blob> parts;
    private final long length;

    CompositeBlob(List<Blob> parts) {
        this.parts = List.copyOf(parts);
        this.length = parts.stream().mapToLong(Blob::length).sum();
    }

    /** The blobs back to back, each retained by this composite. */
    List<Blob> parts() {
        return parts;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Future<Void> writeTo(WriteStream<Buffer> out, long offset, long count) {
        return writeFrom(0, 0, out, offset, count);
    }

    private Future<Void> writeFrom(int index, long partStart, WriteStream<Buffer> out, long offset, long count) {
        if (count <= 0 || index >= parts.size()) {
            return Future.succeededFuture();
        }
        Blob part = parts.get(index);
        long partEnd = partStart + part.length();
        if (offset >= partEnd) {
            return writeFrom(index + 1, partEnd, out, offset, count);
        }
        long from = offset - partStart;
        long n = Math.min(count, part.length() - from);
        return part.writeTo(out, from, n)
                .compose(v -> writeFrom(index + 1, partEnd, out, offset + n, count - n));
    }

    @Override
    public Blob retain() {
        parts.forEach(Blob::retain);
        return this;
    }

    @Override
    public void release() {
        parts.forEach(Blob::release);
    }
}
