package io.quarkiverse.alioss.emulator.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** A range of another blob, sharing its bytes (a part copied from an object keeps that object's bytes alive). */
final class SliceBlob implements Blob {

    private final Blob source;
    private final long offset;
    private final long length;

    /** @param source already retained for this slice */
    SliceBlob(Blob source, long offset, long length) {
        this.source = source;
        this.offset = offset;
        this.length = length;
    }

    Blob source() {
        return source;
    }

    long offset() {
        return offset;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Future<Void> writeTo(WriteStream<Buffer> out, long from, long count) {
        return source.writeTo(out, offset + from, Math.min(count, length - from));
    }

    @Override
    public Blob retain() {
        source.retain();
        return this;
    }

    @Override
    public void release() {
        source.release();
    }
}
