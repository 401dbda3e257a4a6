package io.quarkiverse.alioss.benchmarks.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The baselines of the {@code @OssCallback} routes: plain Vert.x routes doing the same work by hand, on the event loop
 * and, like a plain-return callback method, on a worker thread.
 */
@ApplicationScoped
public class BareRoutes {

    @Inject
    BareCallbackWork work;

    void mount(@Observes Router router) {
        router.post("/bare/event-loop").handler(ctx -> body(ctx)
                .onSuccess(body -> reply(ctx, work(ctx, body)))
                .onFailure(ctx::fail));
        router.post("/bare/worker").handler(ctx -> body(ctx)
                .onSuccess(body -> ctx.vertx().executeBlocking(() -> {
                    reply(ctx, work(ctx, body));
                    return null;
                }, false))
                .onFailure(ctx::fail));
    }

    /** Quarkus pauses requests until a handler asks for the body. */
    private static Future<Buffer> body(RoutingContext ctx) {
        Future<Buffer> body = ctx.request().body();
        ctx.request().resume();
        return body;
    }

    private byte[] work(RoutingContext ctx, Buffer body) {
        HttpServerRequest request = ctx.request();
        return work.reply(request.uri(), request.getHeader("authorization"), request.getHeader("x-oss-pub-key-url"),
                body.getBytes());
    }

    private static void reply(RoutingContext ctx, byte[] json) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(json.length))
                .end(Buffer.buffer(json));
    }
}
