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
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(uri).setHeaders(headers == null ? MultiMap.caseInsensitiveMultiMap() : headers);
        Future<Response> response = client.request(options)
                .compose(req -> (body == null ? req.send() : req.send(body)))
                .compose(res -> res.body().map(b -> new Response(res.statusCode(), res.headers(), b)));
        return response.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        vertx.close();
    }
}
