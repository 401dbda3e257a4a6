package io.quarkiverse.alioss.emulator.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Reads a request body that is meant to be small (XML documents), refusing more than a limit. */
final class SmallBody {

    static final int XML_LIMIT = 2 * 1024 * 1024;

    private SmallBody() {
    }

    static Future<Buffer> read(HttpServerRequest request, int limit) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                done.tryFail(new OssError(400, "EntityTooLarge",
                        "Your proposed upload exceeds the maximum allowed size of " + limit + " bytes for this request."));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(done::tryFail);
        request.endHandler(v -> done.tryComplete(body));
        request.resume();
        return done.future();
    }
}
