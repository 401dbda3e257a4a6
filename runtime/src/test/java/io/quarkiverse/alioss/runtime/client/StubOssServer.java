package io.quarkiverse.alioss.runtime.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.quarkiverse.alioss.OssClient;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * A tiny scripted HTTP server on a free port standing in for OSS: every request is recorded (method, path, query,
 * headers, body) and answered by the test's function.
 */
final class StubOssServer implements AutoCloseable {

    record Recorded(String method, String path, String query, MultiMap headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    record Reply(int status, Map<String, String> headers, byte[] body, boolean dropConnection) {
        static Reply ok() {
            return new Reply(200, Map.of(), new byte[0], false);
        }

        static Reply of(int status, Map<String, String> headers, String body) {
            return new Reply(status, headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        }

        static Reply drop() {
            return new Reply(0, Map.of(), new byte[0], true);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private VertxReactiveOssClient reactive;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> handler = r -> Reply.ok();

    /** A stub on its own Vert.x with a client (path-style, counting signer) tuned by {@code tuning}. */
    static StubOssServer start(UnaryOperator<ClientOptions> tuning) throws Exception {
        StubOssServer stub = new StubOssServer(Vertx.vertx());
        stub.reactive = new VertxReactiveOssClient(stub.vertx, tuning.apply(ClientOptions.of(stub.endpoint(), "bkt",
                true, new CountingSigner(), CountingSigner.CREDENTIALS)));
        return stub;
    }

    private StubOssServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Recorded recorded = new Recorded(request.method().name(), request.path(), request.query(),
                    MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.getBytes());
            requests.add(recorded);
            Reply reply;
            try {
                reply = handler.apply(recorded);
            } catch (RuntimeException e) {
                reply = Reply.of(500, Map.of(), "stub failure: " + e);
            }
            if (reply.dropConnection()) {
                request.connection().close();
                return;
            }
            reply.headers().forEach(request.response()::putHeader);
            request.response().setStatusCode(reply.status()).end(Buffer.buffer(reply.body()));
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    void handle(Function<Recorded, Reply> value) {
        this.handler = value;
    }

    List<Recorded> requests() {
        return requests;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    VertxReactiveOssClient reactive() {
        return reactive;
    }

    OssClient client() {
        return new BlockingOssClient(reactive);
    }

    @Override
    public void close() throws Exception {
        reactive.close();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
