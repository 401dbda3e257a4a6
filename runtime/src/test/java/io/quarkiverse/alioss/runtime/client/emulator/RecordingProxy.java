package io.quarkiverse.alioss.runtime.client.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * Forwards every request unchanged to a local server (the emulator) and keeps its headers, so that a test can see what
 * the client really sent (e.g. the STS token) while the emulator still checks the signature.
 */
final class RecordingProxy implements AutoCloseable {

    private final HttpClient forwarder;
    private final HttpServer server;
    private final List<MultiMap> requestHeaders = new CopyOnWriteArrayList<>();

    RecordingProxy(Vertx vertx, int targetPort) throws Exception {
        this(vertx, targetPort, new HttpServerOptions());
    }

    /** @param serverOptions how this proxy listens, e.g. with TLS in front of the plain emulator */
    RecordingProxy(Vertx vertx, int targetPort, HttpServerOptions serverOptions) throws Exception {
        forwarder = vertx.createHttpClient();
        server = vertx.createHttpServer(serverOptions).requestHandler(request -> forward(request, targetPort))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void forward(HttpServerRequest request, int targetPort) {
        requestHeaders.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
        request.pause();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                .setPort(targetPort).setURI(request.uri())
                .setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
        forwarder.request(options).compose(outgoing -> outgoing.send(request)).onComplete(answer -> {
            if (answer.failed()) {
                request.response().setStatusCode(502).end();
                return;
            }
            request.response().setStatusCode(answer.result().statusCode()).headers()
                    .addAll(answer.result().headers());
            answer.result().pipeTo(request.response());
        });
    }

    int port() {
        return server.actualPort();
    }

    /** Scheme, host and port to use as the client's endpoint. */
    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The headers of every request received so far, in order. */
    List<MultiMap> requestHeaders() {
        return List.copyOf(requestHeaders);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        forwarder.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
