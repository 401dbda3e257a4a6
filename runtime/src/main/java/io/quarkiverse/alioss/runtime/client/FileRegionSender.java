package io.quarkiverse.alioss.runtime.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.netty.buffer.ByteBuf;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Sends a region of a file as the body of one request attempt. Chunks of {@link #CHUNK} bytes are read with positioned
 * reads straight into direct buffers (the client's {@link ChunkBuffers}), which the socket then writes from without
 * another copy. Two buffers
 * alternate: one is written while the next chunk is read into the other, and a buffer is refilled only once its
 * previous write has left, so a request never holds more than two chunks however slow the network is. (Vert.x's
 * {@code AsyncFile} reads 8 KiB at a time into new heap buffers: 65,000 worker hand-offs, heap copies and as much
 * garbage for 512 MiB.)
 * <p>
 * The reads run on the event loop, as those of Vert.x's and Netty's own {@code sendFile} do: a 256 KiB read from the
 * page cache takes tens of microseconds, less than handing it to a worker thread and back, and the upload needs no
 * worker threads. Every field is touched on that one context only: the request is created there, and its write
 * completions come back there.
 */
final class FileRegionSender {

    private static final Logger LOG = Logger.getLogger(FileRegionSender.class);

    /** Large enough that a 512 MiB file is 2048 reads, small enough that 4 requests with 2 buffers hold 2 MiB. */
    static final int CHUNK = 256 * 1024;
    /** Buffers per request: one is written while the next chunk is read into the other. */
    static final int BUFFERS = 2;

    private final Context context;
    private final FileChannel file;
    private final HttpClientRequest request;
    private final Consumer<Buffer> observer;
    private final ChunkBuffers buffers;
    private final Deque<ByteBuf> idle = new ArrayDeque<>(BUFFERS);
    private final Promise<OssResponse> result = Promise.promise();
    private int allocated;
    private long position;
    private long remaining;
    private boolean ended;
    private boolean pumping;
    /** Failed, cancelled or answered: nothing more is read, and buffers go back as their writes finish. */
    private boolean stopped;
    private boolean fileClosed;

    private FileRegionSender(Context context, FileChannel file, HttpClientRequest request, ChunkBuffers buffers,
            RequestBody.FileRegion region, Consumer<Buffer> observer) {
        this.context = context;
        this.file = file;
        this.request = request;
        this.observer = observer;
        this.position = region.offset();
        this.remaining = region.length();
        this.buffers = buffers;
    }

    static Uni<OssResponse> send(Vertx vertx, OssHttp.Outgoing outgoing, RequestBody.FileRegion region,
            Consumer<Buffer> observer) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = vertx.getOrCreateContext();
            FileRegionSender[] started = new FileRegionSender[1];
            emitter.onTermination(() -> context.runOnContext(ignored -> {
                if (started[0] != null) {
                    started[0].cancel();
                }
            }));
            context.runOnContext(ignored -> open(context, region)
                    // the file first: a request that was created holds a connection until it is ended or reset
                    .compose(file -> outgoing.core().onFailure(failure -> closeQuietly(file)).map(request -> {
                        started[0] = new FileRegionSender(context, file, request, outgoing.chunkBuffers(), region,
                                observer);
                        return started[0];
                    }))
                    .compose(FileRegionSender::run)
                    .onComplete(done -> {
                        if (done.succeeded()) {
                            emitter.complete(done.result());
                        } else {
                            emitter.fail(done.cause());
                        }
                    }));
        });
    }

    /** Opening may touch metadata on disk: a worker does it, once per attempt. */
    private static Future<FileChannel> open(Context context, RequestBody.FileRegion region) {
        return context.executeBlocking(() -> FileChannel.open(region.file(), StandardOpenOption.READ), false);
    }

    private Future<OssResponse> run() {
        request.response().compose(FileRegionSender::readResponse).onComplete(answered -> {
            if (!ended && !stopped) {
                request.reset(0); // answered before the whole body went out: the connection cannot be reused
            }
            stop();
            if (answered.succeeded()) {
                result.tryComplete(answered.result());
            } else {
                result.tryFail(answered.cause());
            }
        });
        if (remaining == 0) {
            ended = true;
            request.end();
        } else {
            pump();
        }
        return result.future();
    }

    private static Future<OssResponse> readResponse(HttpClientResponse response) {
        return response.body().map(body -> new OssResponse(response.statusCode(),
                MultiMap.newInstance(response.headers()), Buffer.newInstance(body)));
    }

    /**
     * Reads and writes chunks while there are some and a buffer is free. A write can complete at once, inside
     * {@code write}, and call back here: that call only leaves it to the loop already running, so the stack stays flat.
     */
    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (sendNextChunk()) {
                // the next chunk went out
            }
        } finally {
            pumping = false;
        }
    }

    private boolean sendNextChunk() {
        if (stopped || remaining == 0) {
            return false;
        }
        ByteBuf buffer = freeBuffer();
        if (buffer == null) {
            return false; // both buffers are being written; the first to finish calls pump()
        }
        int length = (int) Math.min(buffers.size(), remaining);
        long at = position;
        position += length;
        remaining -= length;
        try {
            readFully(buffer, at, length);
        } catch (IOException e) {
            giveBack(buffer);
            fail(e);
            return false;
        }
        write(buffer, remaining == 0);
        return true;
    }

    private void readFully(ByteBuf buffer, long at, int length) throws IOException {
        buffer.clear();
        while (buffer.writerIndex() < length) {
            int read = buffer.writeBytes(file, at + buffer.writerIndex(), length - buffer.writerIndex());
            if (read < 0) {
                throw new EOFException("The file ended " + (length - buffer.writerIndex())
                        + " bytes before the end of the part being uploaded; was it changed during the upload?");
            }
        }
    }

    private void write(ByteBuf buffer, boolean last) {
        // Vert.x writes a wrapped ByteBuf without releasing it: the buffer stays ours, reusable once written
        io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer(buffer);
        observer.accept(Buffer.newInstance(chunk));
        ended = last;
        Future<Void> written = last ? request.end(chunk) : request.write(chunk);
        written.onComplete(done -> {
            giveBack(buffer);
            if (done.failed()) {
                fail(done.cause());
            } else {
                pump();
            }
        });
    }

    private ByteBuf freeBuffer() {
        ByteBuf buffer = idle.poll();
        if (buffer == null && allocated < BUFFERS) {
            allocated++;
            buffer = buffers.take();
        }
        return buffer;
    }

    private void giveBack(ByteBuf buffer) {
        if (stopped) {
            buffers.giveBack(buffer);
        } else {
            idle.push(buffer);
        }
        closeFileWhenIdle();
    }

    private void fail(Throwable failure) {
        if (!stopped) {
            stop();
            request.reset(0, failure);
        }
        result.tryFail(failure);
    }

    private void cancel() {
        if (!stopped) {
            stop();
            request.reset(0);
        }
    }

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        idle.forEach(buffers::giveBack);
        idle.clear();
        closeFileWhenIdle();
    }

    private void closeFileWhenIdle() {
        if (stopped && !fileClosed) {
            fileClosed = true;
            closeQuietly(file);
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debugf(e, "Could not close an uploaded file");
        }
    }
}
