package io.quarkiverse.alioss.emulator.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Compresses what is written to it into gzip and passes the compressed bytes on as they come, chunk by chunk, with
 * the back-pressure of the stream it writes to. {@link #finish} writes the gzip trailer; it does not end the stream.
 */
final class GzipWriteStream implements WriteStream<Buffer> {

    private final WriteStream<Buffer> out;
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final GZIPOutputStream gzip;

    GzipWriteStream(WriteStream<Buffer> out) {
        this.out = out;
        try {
            this.gzip = new GZIPOutputStream(compressed, 8192);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Future<Void> write(Buffer data) {
        try {
            gzip.write(data.getBytes());
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return flushCompressed();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        Future<Void> written = write(data);
        if (handler != null) {
            written.onComplete(handler);
        }
    }

    /** Writes the rest of the compressed bytes and the gzip trailer. */
    Future<Void> finish() {
        try {
            gzip.finish();
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return flushCompressed();
    }

    private Future<Void> flushCompressed() {
        if (compressed.size() == 0) {
            return Future.succeededFuture();
        }
        Buffer chunk = Buffer.buffer(compressed.toByteArray());
        compressed.reset();
        return out.write(chunk);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        Future<Void> finished = finish();
        if (handler != null) {
            finished.onComplete(handler);
        }
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        out.exceptionHandler(handler);
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        out.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return out.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        out.drainHandler(handler);
        return this;
    }
}
