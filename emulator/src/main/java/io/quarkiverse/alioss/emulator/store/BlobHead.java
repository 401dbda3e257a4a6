package io.quarkiverse.alioss.emulator.store;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Reads the first bytes of a blob (enough for an image header) into one small buffer. */
public final class BlobHead implements WriteStream<Buffer> {

    private final Buffer collected = Buffer.buffer();

    private BlobHead() {
    }

    public static Future<Buffer> read(Blob blob, int maxBytes) {
        BlobHead sink = new BlobHead();
        return blob.writeTo(sink, 0, Math.min(maxBytes, blob.length())).map(v -> sink.collected);
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        collected.appendBuffer(data);
        return Future.succeededFuture();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        collected.appendBuffer(data);
        if (handler != null) {
            handler.handle(Future.succeededFuture());
        }
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        if (handler != null) {
            handler.handle(Future.succeededFuture());
        }
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }
}
