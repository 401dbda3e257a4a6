package io.quarkiverse.alioss.emulator.callback;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * Performs one callback exactly as OSS does (protocol reference, sections 3 and 4): the URLs in order until one
 * succeeds, signed with the emulator's key, no redirects followed, no retries.
 */
public final class CallbackPerformer {

    static final String CONNECT_FAILED = "Error status : -1. OSS can not connect to your callbackUrl, please check it.";
    static final String NO_OR_TOO_LONG_LENGTH = "Error Status : 400.User server return too long content-length value";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final Vertx vertx;
    private final CallbackSigningKey key;
    private final String publicKeyUrlBase64;
    private final CallbackPerformerOptions options;
    private final CallbackDeliveries deliveries;
    private final HttpClient client;
    private final HttpClient sniClient;

    public CallbackPerformer(Vertx vertx, CallbackSigningKey key, String publicKeyUrl) {
        this(vertx, key, publicKeyUrl, CallbackPerformerOptions.defaults());
    }

    public CallbackPerformer(Vertx vertx, CallbackSigningKey key, String publicKeyUrl,
            CallbackPerformerOptions options) {
        this(vertx, key, publicKeyUrl, options, new CallbackDeliveries());
    }

    /** @param deliveries where every request sent is recorded */
    public CallbackPerformer(Vertx vertx, CallbackSigningKey key, String publicKeyUrl,
            CallbackPerformerOptions options, CallbackDeliveries deliveries) {
        this.vertx = vertx;
        this.key = key;
        this.publicKeyUrlBase64 = Base64.getEncoder().encodeToString(publicKeyUrl.getBytes(StandardCharsets.UTF_8));
        this.options = options;
        this.deliveries = deliveries;
        this.client = vertx.createHttpClient(clientOptions(false));
        this.sniClient = vertx.createHttpClient(clientOptions(true));
    }

    private HttpClientOptions clientOptions(boolean forceSni) {
        HttpClientOptions http = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis()))
                .setForceSni(forceSni)
                .setMaxPoolSize(64);
        if (options.trust() == null) {
            http.setTrustAll(true).setVerifyHost(false);
        } else {
            http.setTrustOptions(options.trust()).setVerifyHost(true);
        }
        return http;
    }

    /** Completes with the outcome; never fails the future for callback-side problems. */
    public Future<CallbackOutcome> perform(CallbackSpec spec, UploadFacts facts) {
        return performRecorded(spec, facts).map(last -> last.succeeded()
                ? new CallbackOutcome.Delivered(last.reply(), last.replyContentType())
                : new CallbackOutcome.Failed(last.failure()));
    }

    /**
     * As {@link #perform}, completing with the request that decided the outcome: the one that succeeded, or the last
     * URL's when all failed.
     */
    public Future<CallbackDelivery> performRecorded(CallbackSpec spec, UploadFacts facts) {
        byte[] body;
        try {
            body = spec.renderBody(facts, options.render());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return attempt(spec, facts, body, 0, null);
    }

    /**
     * Signs {@code body} as a callback and posts it to {@code url}, reading the reply whatever its status: for tests
     * that need a signed request OSS would never send (a body without token, a tampered one).
     *
     * @param url one callback URL, checked as OSS checks {@code callbackUrl}
     * @throws IllegalArgumentException when {@code url} is not one URL a callback may name
     */
    public Future<CallbackDelivery> sendSigned(String url, String contentType, byte[] body, String requestId) {
        List<URI> urls = CallbackUrls.parse(url);
        if (urls.size() != 1) {
            throw new IllegalArgumentException("Give one URL, not " + urls.size());
        }
        return send(urls.get(0), new Request(null, false, contentType, requestId, ""), body, false);
    }

    private Future<CallbackDelivery> attempt(CallbackSpec spec, UploadFacts facts, byte[] body, int index,
            CallbackDelivery lastFailure) {
        List<URI> urls = spec.urls();
        if (index >= urls.size()) {
            return Future.succeededFuture(lastFailure);
        }
        Request request = new Request(spec.host(), spec.sni(), spec.bodyType().contentType(), facts.reqId(),
                facts.bucket());
        return send(urls.get(index), request, body, true).compose(delivery -> delivery.succeeded()
                ? Future.succeededFuture(delivery)
                : attempt(spec, facts, body, index + 1, delivery));
    }

    /** What a callback request carries besides URL and body. */
    private record Request(String host, boolean sni, String contentType, String requestId, String bucket) {
    }

    /** What the application answered, as far as it was read. */
    private static final class Answer {
        int status = -1;
        String contentType;
        Buffer body;
    }

    /**
     * @param judgeAsOss whether the reply is judged as OSS judges it (and a refused one left unread), or read whatever
     *        it is
     */
    private Future<CallbackDelivery> send(URI url, Request callback, byte[] body, boolean judgeAsOss) {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String target = CallbackUrls.requestTarget(url);
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(target)
                .setFollowRedirects(false)
                .setHeaders(headers(url, callback, target, body));
        Instant sentAt = Instant.now();
        Answer answer = new Answer();
        Promise<String> failure = Promise.promise();
        // One context for the whole exchange: the response must get its body handler on the thread that reads it,
        // otherwise a caller on a non-Vert.x thread can race the event loop and lose the body.
        Context context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> {
            long timeoutMillis = options.timeout().toMillis();
            long started = System.nanoTime();
            long timer = vertx.setTimer(timeoutMillis, id -> failure.tryComplete(
                    "error status:-1 " + url.getHost() + ": " + port + " reply timeout, cost: "
                            + (System.nanoTime() - started) / 1_000_000 + " MS, timeout: " + timeoutMillis + " MS"));
            failure.future().onComplete(done -> vertx.cancelTimer(timer));
            HttpClient httpClient = callback.sni() ? sniClient : client;
            httpClient.request(request).onComplete(created -> {
                if (created.failed()) {
                    failure.tryComplete(CONNECT_FAILED);
                    return;
                }
                HttpClientRequest req = created.result();
                req.exceptionHandler(error -> failure.tryComplete(CONNECT_FAILED));
                // A timeout or a refused status ends the exchange without reading the rest of the reply.
                failure.future().onSuccess(problem -> {
                    if (problem != null) {
                        req.reset();
                    }
                });
                req.send(Buffer.buffer(body)).onComplete(sent -> {
                    if (sent.failed()) {
                        failure.tryComplete(CONNECT_FAILED);
                    } else if (judgeAsOss) {
                        judge(sent.result(), answer, failure);
                    } else {
                        read(sent.result(), answer, failure);
                    }
                });
            });
        });
        return failure.future().map(problem -> {
            CallbackDelivery delivery = new CallbackDelivery(sentAt, url.toString(), callback.contentType(),
                    Buffer.buffer(body), answer.status, answer.contentType, answer.body, problem);
            deliveries.record(delivery);
            return delivery;
        });
    }

    /** Completes {@code failure} with null when OSS would accept the reply, else with OSS's message. */
    private static void judge(HttpClientResponse response, Answer answer, Promise<String> failure) {
        // The reset after a refused reply surfaces here; the outcome already says what happened.
        response.exceptionHandler(error -> failure.tryComplete(CONNECT_FAILED));
        answer.status = response.statusCode();
        if (response.statusCode() != 200) {
            failure.tryComplete("Error status : " + response.statusCode() + ".");
            return;
        }
        long length = contentLength(response.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length < 0 || length > CallbackReply.MAX_BODY_BYTES) {
            failure.tryComplete(NO_OR_TOO_LONG_LENGTH);
            return;
        }
        String contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        response.body()
                .onSuccess(reply -> {
                    answer.contentType = contentType;
                    answer.body = reply;
                    failure.tryComplete(CallbackReply.problemWith(reply, contentType));
                })
                .onFailure(error -> failure.tryComplete(CONNECT_FAILED));
    }

    /** Reads whatever the application answered; only an answer that never came is a failure. */
    private static void read(HttpClientResponse response, Answer answer, Promise<String> failure) {
        response.exceptionHandler(error -> failure.tryComplete(CONNECT_FAILED));
        answer.status = response.statusCode();
        answer.contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        response.body()
                .onSuccess(reply -> {
                    answer.body = reply;
                    failure.tryComplete(null);
                })
                .onFailure(error -> failure.tryComplete(CONNECT_FAILED));
    }

    /** The declared length, or -1 when absent or not a number (chunked replies have none). */
    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private MultiMap headers(URI url, Request callback, String target, byte[] body) {
        byte[] signature = key.sign(CallbackStringToSign.of(target, body));
        String host = callback.host() != null ? callback.host()
                : url.getPort() > 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
        return MultiMap.caseInsensitiveMultiMap()
                .set(HttpHeaders.HOST, host)
                .set("authorization", Base64.getEncoder().encodeToString(signature))
                .set("x-oss-pub-key-url", publicKeyUrlBase64)
                .set("Content-MD5", Md5.base64(body))
                .set(HttpHeaders.CONTENT_TYPE, callback.contentType())
                .set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                .set(HttpHeaders.DATE, HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .set(HttpHeaders.USER_AGENT, "aliyun-oss-callback")
                .set("x-oss-request-id", SystemVariables.nullToEmpty(callback.requestId()))
                .set("x-oss-bucket", SystemVariables.nullToEmpty(callback.bucket()))
                .set("x-oss-owner", options.ownerId())
                .set("x-oss-requester", options.ownerId())
                .set("x-oss-signature-version", "1.0")
                .set("x-oss-tag", "CALLBACK")
                .set(HttpHeaders.CONNECTION, "close");
    }

    /** Releases the HTTP clients. */
    public Future<Void> close() {
        return Future.all(client.close(), sniClient.close()).mapEmpty();
    }
}
