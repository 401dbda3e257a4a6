package io.quarkiverse.alioss.runtime.client.emulator;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/** The application's callback endpoint in a test: records each callback and answers with a fixed JSON reply. */
final class TestReceiver implements AutoCloseable {

    record Received(String uri, MultiMap headers, String body) {
    }

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile String reply = "{\"Status\":\"OK\"}";

    TestReceiver(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.uri(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
                    body.toString()));
            Buffer answer = Buffer.buffer(reply);
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", Integer.toString(answer.length())).end(answer);
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    void answer(int newStatus, String newReply) {
        this.status = newStatus;
        this.reply = newReply;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return r;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
