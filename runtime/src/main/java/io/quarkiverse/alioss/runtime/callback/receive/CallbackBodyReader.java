package io.quarkiverse.alioss.runtime.callback.receive;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the raw callback body, exactly as received (the signature covers these bytes). Nothing about the sender is
 * known yet, so it bounds what a sender can cost: a body above the limit is refused with 413 without buffering it, a
 * body that does not arrive within the deadline with 408 (OSS sends at once and waits 5 s), and after either the
 * connection is closed instead of draining whatever else the sender has.
 */
final class CallbackBodyReader {

    private CallbackBodyReader() {
    }

    static Future<byte[]> read(RoutingContext ctx, long limit, Duration deadline) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    return closing(ctx, CallbackRejection.tooLarge(limit));
                }
            } catch (NumberFormatException e) {
                return closing(ctx, CallbackRejection.malformed("invalid Content-Length header", null));
            }
        }
        if (ctx.body().available()) {
            // another extension installed the global body handler: the body is already buffered, or already gone
            Buffer buffer = ctx.body().buffer();
            if (buffer == null) {
                return Future.failedFuture(CallbackRejection.bodyUnavailable("a body handler consumed the request"
                        + " body (multipart or form parsing), so the bytes OSS signed are not available"));
            }
            if (buffer.length() > limit) {
                return closing(ctx, CallbackRejection.tooLarge(limit));
            }
            return Future.succeededFuture(buffer.getBytes());
        }
        if (request.isEnded()) {
            return Future.succeededFuture(new byte[0]);
        }
        Promise<byte[]> promise = Promise.promise();
        Buffer received = Buffer.buffer();
        long timer = ctx.vertx().setTimer(deadline.toMillis(),
                ignored -> failClosing(ctx, promise, CallbackRejection.readTimeout(deadline.toMillis())));
        request.handler(chunk -> {
            if (received.length() + chunk.length() > limit) {
                // chunked bodies have no Content-Length: stop as soon as the limit is passed
                request.pause();
                failClosing(ctx, promise, CallbackRejection.tooLarge(limit));
                return;
            }
            received.appendBuffer(chunk);
        });
        request.endHandler(ignored -> promise.tryComplete(received.getBytes()));
        request.exceptionHandler(promise::tryFail);
        promise.future().onComplete(ignored -> ctx.vertx().cancelTimer(timer));
        request.resume();
        return promise.future();
    }

    /** Arranges the close before failing: the refusal may be written as soon as the promise fails. */
    private static void failClosing(RoutingContext ctx, Promise<byte[]> promise, CallbackRejection rejection) {
        if (!promise.future().isComplete()) {
            closeAfterReply(ctx);
            promise.fail(rejection);
        }
    }

    private static Future<byte[]> closing(RoutingContext ctx, CallbackRejection rejection) {
        closeAfterReply(ctx);
        return Future.failedFuture(rejection);
    }

    /**
     * The refusal is still answered; then the connection goes, with whatever the sender had left to send. HTTP/2
     * forbids the {@code Connection} header, so it is only announced to HTTP/1 senders (OSS is one).
     */
    private static void closeAfterReply(RoutingContext ctx) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.addEndHandler(ignored -> ctx.request().connection().close());
    }
}
