package io.quarkiverse.alioss.deployment.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the application once, so a test holds a callback exactly as the emulator signed and sent it: the
 * request target, the signature headers and the body. OSS signs the path and query only, never the host, so the
 * capture can be replayed against the real route.
 */
final class CapturingCallbackServer implements AutoCloseable {

    record Captured(String target, String contentType, String authorization, String keyUrl, byte[] body) {
    }

    private static final byte[] REPLY = "{\"captured\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final CompletableFuture<Captured> captured = new CompletableFuture<>();

    private CapturingCallbackServer(HttpServer server) {
        this.server = server;
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            captured.complete(new Captured(exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    headers.getFirst("content-type"), headers.getFirst("authorization"),
                    headers.getFirst("x-oss-pub-key-url"), body));
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, REPLY.length);
            exchange.getResponseBody().write(REPLY);
            exchange.close();
        });
        server.start();
    }

    static CapturingCallbackServer start() {
        try {
            return new CapturingCallbackServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL of this server, e.g. {@code http://127.0.0.1:40123}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Captured awaitCallback() throws Exception {
        return captured.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
