package io.quarkiverse.alioss.runtime.client;

import java.util.function.Consumer;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Passes every chunk to the target unchanged and shows it to an observer first (to checksum a piped download). */
final class ObservedWriteStream implements WriteStream<Buffer> {

    private final WriteStream<Buffer> target;
    private final Consumer<Buffer> observer;

    ObservedWriteStream(WriteStream<Buffer> target, Consumer<Buffer> observer) {
        this.target = target;
        this.observer = observer;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        target.exceptionHandler(handler);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        observer.accept(data);
        return target.write(data);
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        observer.accept(data);
        target.write(data, handler);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        target.end(handler);
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        target.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return target.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        target.drainHandler(handler);
        return this;
    }
}
