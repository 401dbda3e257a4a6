package io.quarkiverse.alioss.emulator.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** Reads the first bytes of a blob (enough for an image header) into one small buffer. */
public final class BlobHead extends BufferSink {

    private final Buffer collected = Buffer.buffer();

    private BlobHead() {
    }

    public static Future<Buffer> read(Blob blob, int maxBytes) {
        return read(blob, 0, Math.min(maxBytes, blob.length()));
    }

    /** {@code [offset, offset + count)} of the blob in one buffer. */
    static Future<Buffer> read(Blob blob, long offset, long count) {
        BlobHead sink = new BlobHead();
        return blob.writeTo(sink, offset, count).map(v -> sink.collected);
    }

    @Override
    void accept(Buffer data) {
        collected.appendBuffer(data);
    }
}
