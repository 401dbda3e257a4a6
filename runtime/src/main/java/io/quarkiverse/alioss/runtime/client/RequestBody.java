package io.quarkiverse.alioss.runtime.client;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * What a request sends. Every variant can observe the bytes as they go out (for CRC-64 and progress); only
 * {@link Stream} cannot be sent twice, so requests with a stream body are never retried.
 */
sealed interface RequestBody {

    /** Whether the same bytes can be sent again on a retry. */
    boolean replayable();

    /** Content length, {@code -1} when unknown (then the body is sent chunked). */
    long length();

    /**
     * Sends one attempt of a request with this body; {@code observer} sees every chunk of this attempt. The response
     * is any response, error statuses included.
     */
    Uni<OssResponse> send(Vertx vertx, OssHttp.Outgoing request, Consumer<Buffer> observer);

    RequestBody EMPTY = new Empty();

    static RequestBody of(Buffer buffer) {
        return new InMemory(buffer);
    }

    static RequestBody of(byte[] bytes) {
        return new InMemory(Buffer.buffer(bytes));
    }

    static RequestBody ofFile(Path file, long offset, long length) {
        return new FileRegion(file, offset, length);
    }

    static RequestBody ofStream(Multi<Buffer> stream) {
        return new Stream(stream);
    }

    record Empty() implements RequestBody {
        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public long length() {
            return 0;
        }

        @Override
        public Uni<OssResponse> send(Vertx vertx, OssHttp.Outgoing request, Consumer<Buffer> observer) {
            return request.web().send().map(OssResponse::of);
        }
    }

    record InMemory(Buffer buffer) implements RequestBody {
        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public long length() {
            return buffer.length();
        }

        @Override
        public Uni<OssResponse> send(Vertx vertx, OssHttp.Outgoing request, Consumer<Buffer> observer) {
            observer.accept(buffer);
            return request.web().sendBuffer(buffer).map(OssResponse::of);
        }
    }

    /**
     * A slice of a file, read from disk for each attempt in large chunks, never held in memory as a whole (see
     * {@link FileRegionSender}).
     */
    record FileRegion(Path file, long offset, long length) implements RequestBody {
        @Override
        public boolean replayable() {
            return true;
        }

        @Override
        public Uni<OssResponse> send(Vertx vertx, OssHttp.Outgoing request, Consumer<Buffer> observer) {
            return FileRegionSender.send(vertx.getDelegate(), request, this, observer);
        }
    }

    /** A stream of unknown length: sent chunked, once. */
    record Stream(Multi<Buffer> stream) implements RequestBody {
        @Override
        public boolean replayable() {
            return false;
        }

        @Override
        public long length() {
            return -1;
        }

        /**
         * The request and the stream's items both run on one Vert.x context: a stream emitting on another thread (an
         * InputStream read on a worker) would race with the pipe's back-pressure and could stall the upload.
         */
        @Override
        public Uni<OssResponse> send(Vertx vertx, OssHttp.Outgoing request, Consumer<Buffer> observer) {
            Context context = vertx.getDelegate().getOrCreateContext();
            Executor onContext = command -> context.runOnContext(ignored -> command.run());
            return Uni.createFrom()
                    .deferred(() -> request.web().sendStream(stream.emitOn(onContext).onItem().invoke(observer)))
                    .runSubscriptionOn(onContext).map(OssResponse::of);
        }
    }
}
