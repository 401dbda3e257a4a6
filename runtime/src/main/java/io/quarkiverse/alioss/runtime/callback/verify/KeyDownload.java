package io.quarkiverse.alioss.runtime.callback.verify;

import java.time.Duration;

import io.quarkiverse.alioss.runtime.callback.verify.RemoteKeyCache.KeyFetchException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * One GET of a key URL that never holds more than {@link #MAX_KEY_BYTES} of the response: a declared
 * {@code Content-Length} above that is refused before any body is read, and a body that grows past it cuts the
 * connection. Redirects are not followed, and the connection is cut when the whole fetch outlasts the timeout, so a
 * server that trickles bytes cannot hold it open either.
 */
final class KeyDownload {

    /** A PEM public key is well under 1 KiB; a response larger than this is not a key. */
    static final int MAX_KEY_BYTES = 8 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    KeyDownload(Vertx vertx, Duration timeout) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                // a key is fetched once per URL: nothing to gain from keeping the connection in a pool
                .setKeepAlive(false)
                // the cap counts bytes as they arrive; a compressed body could grow past it after being counted
                .setDecompressionSupported(false));
    }

    /** The body of a {@code 200} answer to GET {@code url}; fails with {@link KeyFetchException}. */
    Uni<Buffer> body(String url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setFollowRedirects(false);
        return client.request(options)
                .chain(request -> receive(url, request))
                .ifNoItem().after(timeout).failWith(() -> new KeyFetchException("fetching " + url
                        + " timed out after " + timeout.toMillis() + " ms"))
                .onFailure(f -> !(f instanceof KeyFetchException))
                .transform(f -> new KeyFetchException("fetching " + url + " failed: " + f.getMessage(), f));
    }

    /** Sends the request and reads the answer; any failure or the timeout (a cancellation) cuts the connection. */
    private static Uni<Buffer> receive(String url, HttpClientRequest request) {
        return request.send()
                .chain(response -> boundedBody(url, response))
                // for HTTP/1.1, resetting a request whose answer has not ended closes the connection
                .onFailure().invoke(() -> request.reset())
                .onCancellation().invoke(() -> request.reset());
    }

    /**
     * Collects the body, failing as soon as more than {@link #MAX_KEY_BYTES} have arrived. Runs on the event loop in
     * the same turn that delivered the response head, so no chunk can arrive before the handler is set.
     */
    private static Uni<Buffer> boundedBody(String url, HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return Uni.createFrom().failure(new KeyFetchException("fetching " + url + " returned HTTP "
                    + response.statusCode()));
        }
        String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && !fitsTheCap(declared)) {
            return Uni.createFrom().failure(new KeyFetchException("fetching " + url + " returned Content-Length "
                    + shortened(declared) + ", more than the " + MAX_KEY_BYTES + " bytes a key may have"));
        }
        return Uni.createFrom().emitter(emitter -> {
            CappedBody body = new CappedBody();
            response.handler(chunk -> {
                if (!body.add(chunk)) {
                    // later calls are ignored: the first failure resets the request
                    emitter.fail(new KeyFetchException("fetching " + url + " returned more than " + MAX_KEY_BYTES
                            + " bytes; not a key"));
                }
            });
            response.exceptionHandler(emitter::fail);
            response.endHandler(() -> emitter.complete(body.bytes));
        });
    }

    private static boolean fitsTheCap(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) <= MAX_KEY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shortened(String headerValue) {
        return headerValue.length() > 20 ? headerValue.substring(0, 20) + "..." : headerValue;
    }

    /** The body received so far, never more than {@link #MAX_KEY_BYTES}. */
    private static final class CappedBody {
        final Buffer bytes = Buffer.buffer();
        private boolean overflowed;

        /** Appends the chunk if it fits; false (now and for every later chunk) once the body would pass the cap. */
        boolean add(Buffer chunk) {
            overflowed = overflowed || bytes.length() + chunk.length() > MAX_KEY_BYTES;
            if (!overflowed) {
                bytes.appendBuffer(chunk);
            }
            return !overflowed;
        }
    }
}
