package io.quarkiverse.alioss.emulator.fault;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Passes bytes through with the first byte of every chunk inverted, to test client integrity checks. */
public final class CorruptingWriteStream implements WriteStream<Buffer> {

    private final WriteStream<Buffer> delegate;

    public CorruptingWriteStream(WriteStream<Buffer> delegate) {
        this.delegate = delegate;
    }

    public static Buffer corrupt(Buffer chunk) {
        if (chunk.length() == 0) {
            return chunk;
        }
        Buffer copy = chunk.copy();
        copy.setByte(0, (byte) ~copy.getByte(0));
        return copy;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        return delegate.write(corrupt(data));
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        delegate.write(corrupt(data), handler);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        delegate.end(handler);
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        delegate.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return delegate.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        delegate.drainHandler(handler);
        return this;
    }
}
