package io.quarkiverse.alioss.runtime.callback;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the raw callback body, exactly as received (the signature covers these bytes), refusing anything above the
 * limit with 413 without buffering it.
 */
final class CallbackBodyReader {

    private CallbackBodyReader() {
    }

    static Future<byte[]> read(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    return Future.failedFuture(CallbackRejection.tooLarge(limit));
                }
            } catch (NumberFormatException e) {
                return Future.failedFuture(CallbackRejection.malformed("invalid Content-Length header", null));
            }
        }
        if (ctx.body().available()) {
            // another extension installed the global body handler: the body is already buffered
            Buffer buffer = ctx.body().buffer();
            if (buffer != null && buffer.length() > limit) {
                return Future.failedFuture(CallbackRejection.tooLarge(limit));
            }
            return Future.succeededFuture(buffer == null ? new byte[0] : buffer.getBytes());
        }
        if (request.isEnded()) {
            return Future.succeededFuture(new byte[0]);
        }
        Promise<byte[]> promise = Promise.promise();
        Buffer received = Buffer.buffer();
        request.handler(chunk -> {
            if (received.length() + chunk.length() > limit) {
                // chunked bodies have no Content-Length: stop buffering as soon as the limit is passed,
                // drain the rest so the connection stays usable
                request.handler(ignored -> {
                });
                promise.tryFail(CallbackRejection.tooLarge(limit));
                return;
            }
            received.appendBuffer(chunk);
        });
        request.endHandler(ignored -> promise.tryComplete(received.getBytes()));
        request.exceptionHandler(promise::tryFail);
        request.resume();
        return promise.future();
    }
}
