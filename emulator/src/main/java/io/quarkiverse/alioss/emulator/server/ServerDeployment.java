package io.quarkiverse.alioss.emulator.server;

import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/**
 * The HTTP servers of one emulator: one per event loop, all on the same port (Vert.x hands connections to them in
 * turn), so that hashing uploads does not make a single event loop the bottleneck.
 */
public final class ServerDeployment {

    /** Vert.x shares a random port among servers that ask for the same negative port: one per emulator. */
    private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();
    private static final int LIMIT_64_KB = 64 * 1024;

    private final Vertx vertx;
    private final String deploymentId;
    private final int port;

    private ServerDeployment(Vertx vertx, String deploymentId, int port) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.port = port;
    }

    /** @param port 0 for a free port */
    public static Future<ServerDeployment> deploy(Vertx vertx, OssServer handler, String host, int port,
            int eventLoops) {
        int listenPort = port == 0 ? -SHARED_RANDOM_PORTS.incrementAndGet() : port;
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(listenPort)
                .setHandle100ContinueAutomatically(true)
                // callback and callback-var may be 5 KB each, in headers or in a presigned URL's query
                .setMaxInitialLineLength(LIMIT_64_KB)
                .setMaxHeaderSize(LIMIT_64_KB)
                // PostObject form values may total 2 MB (policy, callback, x: variables, metadata)
                .setMaxFormAttributeSize(2 * 1024 * 1024);
        AtomicInteger actualPort = new AtomicInteger();
        return vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(options).requestHandler(handler).listen()
                        .onSuccess(server -> {
                            actualPort.set(server.actualPort());
                            started.complete();
                        })
                        .onFailure(started::fail);
            }
        }, new DeploymentOptions().setInstances(eventLoops))
                .map(id -> new ServerDeployment(vertx, id, actualPort.get()));
    }

    public int port() {
        return port;
    }

    /** Stops the servers. */
    public Future<Void> close() {
        return vertx.undeploy(deploymentId);
    }
}
