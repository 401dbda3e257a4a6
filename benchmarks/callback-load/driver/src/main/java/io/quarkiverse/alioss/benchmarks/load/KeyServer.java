package io.quarkiverse.alioss.benchmarks.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;

/**
 * Serves the public key as PEM, like {@code gosspublic.alicdn.com} serves OSS's: for the port of the official sample
 * server, which downloads the key for every callback. Runs in the driver's process, so its work is not charged to the
 * application's core.
 */
final class KeyServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private KeyServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static KeyServer start(String pem) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.response().putHeader("content-type", "application/x-pem-file")
                        .end(pem))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        return new KeyServer(vertx, server);
    }

    /** The URL prefix the sample checks, as the original checks for {@code gosspublic.alicdn.com}. */
    String urlPrefix() {
        return "http://127.0.0.1:" + server.actualPort() + "/";
    }

    String keyUrl() {
        return urlPrefix() + "callback_pub_key_v1.pem";
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }
}
