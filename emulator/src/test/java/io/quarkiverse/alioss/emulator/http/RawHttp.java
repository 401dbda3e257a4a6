package io.quarkiverse.alioss.emulator.http;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** A blocking HTTP client for what the SDK does not send: raw forms, CORS preflights, chosen Host headers. */
public final class RawHttp implements AutoCloseable {

    public record Response(int status, MultiMap headers, Buffer body) {
        public String text() {
            return body.toString();
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public Response send(HttpMethod method, String uri, MultiMap headers, Buffer body) throws Exception {
        return exchange(method, uri, headers, body).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /**
     * Sends the request and gathers the whole response. The body is asked for on the event loop, in the same turn
     * that the response head is handed over, and that is wired before the request is sent: Vert.x keeps a response
     * body only from the moment {@code body()} is called, so asking for it later (say from the calling thread, once it
     * gets the CPU back) drops the chunks that already arrived and can yield an empty body.
     */
    Future<Response> exchange(HttpMethod method, String uri, MultiMap headers, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(uri).setHeaders(headers == null ? MultiMap.caseInsensitiveMultiMap() : headers);
        return client.request(options).compose(req -> {
            Future<Response> response = req.response()
                    .compose(res -> res.body().map(b -> new Response(res.statusCode(), res.headers(), b)));
            if (body == null) {
                req.end();
            } else {
                req.end(body);
            }
            return response;
        });
    }

    @Override
    public void close() {
        vertx.close();
    }
}
