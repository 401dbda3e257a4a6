package io.quarkiverse.alioss.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * A closed-loop HTTP/1.1 load generator like {@code wrk -t1 -cN}: N keep-alive connections on one event loop, each
 * sending its next pre-built request as soon as the previous response is complete. Requests are raw bytes prepared
 * before the window, so the generator does no per-request work beyond writing and splitting responses.
 */
final class LoadGenerator implements AutoCloseable {

    /** One window's outcome. */
    record Result(long responses, long failures, double seconds, double serverCpuSeconds, long serverSwitches,
            boolean ranOut, String firstFailure) {
        /** Zero when nothing was measured (a window that ran out during its warm-up). */
        double perSecond() {
            return seconds > 0 ? responses / seconds : 0;
        }

        /** CPU time of the server's process per response, all its threads: what a request costs it. */
        double serverCpuMicrosPerResponse() {
            return responses > 0 ? serverCpuSeconds * 1e6 / responses : 0;
        }

        /** The server's thread context switches per response: what handing work between threads costs. */
        double serverSwitchesPerResponse() {
            return responses > 0 ? serverSwitches / (double) responses : 0;
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
            .setReceiveBufferSize(256 * 1024).setSendBufferSize(256 * 1024));

    /** Runs {@code warmup}, then counts the responses completed during {@code measure}. Blocks until done. */
    /** @param server read at the start and the end of the measured part */
    Result run(String host, int port, RequestSupply supply, int connections, Duration warmup, Duration measure,
            ServerUsage server) throws Exception {
        CompletableFuture<Result> done = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> new Window(host, port, supply, connections, warmup, measure, server, done)
                .start());
        return done.get(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS);
    }

    /** What the server process has used so far. */
    interface ServerUsage {
        /** CPU time, all threads, in seconds. */
        double cpuSeconds() throws Exception;

        /** Context switches so far, by thread: threads come and go, so only per-thread differences add up. */
        Map<String, Long> contextSwitches() throws Exception;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    /** Everything here runs on the generator's one event loop thread. */
    private final class Window {
        private final String host;
        private final int port;
        private final RequestSupply supply;
        private final int connections;
        private final Duration warmup;
        private final Duration measure;
        private final ServerUsage server;
        private final CompletableFuture<Result> done;
        private final List<NetSocket> sockets = new ArrayList<>();
        private long completed;
        private long failed;
        private String firstFailure;
        private long measureStartNanos;
        private double cpuAtStart;
        private Map<String, Long> switchesAtStart;
        private long completedAtStart;
        private long failedAtStart;
        private boolean measuring;
        private boolean stopped;
        private int idle;

        Window(String host, int port, RequestSupply supply, int connections, Duration warmup, Duration measure,
                ServerUsage server, CompletableFuture<Result> done) {
            this.host = host;
            this.port = port;
            this.supply = supply;
            this.connections = connections;
            this.warmup = warmup;
            this.measure = measure;
            this.server = server;
            this.done = done;
        }

        void start() {
            List<Future<NetSocket>> connecting = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                connecting.add(client.connect(port, host));
            }
            Future.all(connecting).onFailure(done::completeExceptionally).onSuccess(all -> {
                for (Future<NetSocket> socket : connecting) {
                    sockets.add(socket.result());
                }
                vertx.setTimer(Math.max(1, warmup.toMillis()), ignored -> startMeasuring());
                vertx.setTimer(warmup.plus(measure).toMillis(), ignored -> finish(false));
                sockets.forEach(this::drive);
            });
        }

        private void drive(NetSocket socket) {
            ResponseReader reader = new ResponseReader();
            socket.handler(chunk -> reader.feed(chunk, (status, body) -> {
                if (status == 200) {
                    completed++;
                } else {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = status + " " + body.toString();
                    }
                }
                send(socket);
            }));
            socket.exceptionHandler(failure -> {
                if (!stopped) {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = "connection failed: " + failure;
                    }
                }
            });
            socket.closeHandler(ignored -> {
                if (!stopped) {
                    finishWith(new IllegalStateException("the server closed a connection; first failure: "
                            + firstFailure));
                }
            });
            send(socket);
        }

        private void send(NetSocket socket) {
            if (stopped) {
                return;
            }
            Buffer request = supply.next();
            if (request == null) {
                idle++;
                if (idle == connections) {
                    // every connection has had its last response: the window ends early
                    finish(true);
                }
                return;
            }
            socket.write(request);
        }

        private void startMeasuring() {
            if (!stopped) {
                measuring = true;
                cpuAtStart = cpu();
                switchesAtStart = switches();
                measureStartNanos = System.nanoTime();
                completedAtStart = completed;
                failedAtStart = failed;
            }
        }

        private void finish(boolean ranOut) {
            if (stopped) {
                return;
            }
            stopped = true;
            double seconds = measuring ? (System.nanoTime() - measureStartNanos) / 1e9 : 0;
            double cpuSeconds = measuring ? cpu() - cpuAtStart : 0;
            long switches = measuring ? switchesSince(switchesAtStart) : 0;
            Result result = new Result(completed - completedAtStart, failed - failedAtStart, seconds, cpuSeconds,
                    switches, ranOut, firstFailure);
            sockets.forEach(NetSocket::close);
            done.complete(result);
        }

        private double cpu() {
            try {
                return server.cpuSeconds();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the server's CPU time", e);
            }
        }

        /** Threads that ended during the window are missed: a lower bound. */
        private long switchesSince(Map<String, Long> start) {
            long sum = 0;
            for (Map.Entry<String, Long> thread : switches().entrySet()) {
                sum += thread.getValue() - start.getOrDefault(thread.getKey(), 0L);
            }
            return sum;
        }

        private Map<String, Long> switches() {
            try {
                return server.contextSwitches();
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the server's context switches", e);
            }
        }

        private void finishWith(Throwable failure) {
            stopped = true;
            sockets.forEach(NetSocket::close);
            done.completeExceptionally(failure);
        }
    }
}
