package io.quarkiverse.alioss.runtime.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.runtime.credentials.CredentialSupply;
import io.quarkiverse.alioss.runtime.metrics.ClientMeters;
import io.quarkiverse.alioss.runtime.signing.HttpDate;
import io.quarkiverse.alioss.runtime.signing.OssUriEncoder;
import io.quarkiverse.alioss.runtime.signing.SignableRequest;
import io.quarkiverse.alioss.runtime.tracing.AttemptSpan;
import io.quarkiverse.alioss.runtime.tracing.ClientSpans;
import io.quarkus.tls.runtime.config.TlsConfigUtils;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.client.predicate.ErrorConverter;
import io.vertx.mutiny.ext.web.client.predicate.ResponsePredicate;
import io.vertx.mutiny.ext.web.client.predicate.ResponsePredicateResult;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * Sends {@link OssRequest}s: addressing (path-style or virtual-hosted), standard headers, signing, error mapping and
 * retries of repeatable requests with backoff.
 */
final class OssHttp {

    private static final Logger LOG = Logger.getLogger(OssHttp.class);

    private final Vertx vertx;
    private final HttpClient httpClient;
    private final WebClient webClient;
    private final ClientOptions options;
    private final String bucket;
    private final ObjectMapper objectMapper;
    private final ChunkBuffers chunkBuffers;
    private final CredentialSupply credentials;
    private final ClientMeters meters;
    private final ClientSpans spans;

    OssHttp(Vertx vertx, ClientOptions options, ObjectMapper objectMapper, ClientMeters meters, ClientSpans spans) {
        this.vertx = vertx;
        this.meters = Objects.requireNonNull(meters, "meters");
        this.spans = Objects.requireNonNull(spans, "spans");
        this.options = options;
        this.bucket = options.bucket().orElseThrow(() -> new IllegalArgumentException(
                "A client works on one bucket, but the options name none"));
        this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
        this.credentials = CredentialSupply.of(vertx, options.credentials());
        // enough for the default parallelism of file parts, each with its two buffers, to reuse the same ones
        this.chunkBuffers = new ChunkBuffers(FileRegionSender.CHUNK, options.parallelism() * FileRegionSender.BUFFERS);
        WebClientOptions webOptions = new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setFollowRedirects(false)
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(8, options.parallelism() * 2))
                .setUserAgentEnabled(true)
                .setUserAgent("quarkus-alioss")
                .setDecompressionSupported(false);
        configureNetwork(webOptions, options.network());
        // one connection pool: the Web Client for ordinary requests, the core client for streamed downloads
        this.httpClient = vertx.createHttpClient(webOptions);
        this.webClient = WebClient.wrap(httpClient, webOptions);
    }

    /** Proxy and TLS as Quarkus clients apply them (the TLS registry's own helper). */
    private static void configureNetwork(WebClientOptions webOptions, NetworkOptions network) {
        network.proxy().ifPresent(proxy -> webOptions.setProxyOptions(new ProxyOptions(proxy)));
        if (!network.nonProxyHosts().isEmpty()) {
            webOptions.setNonProxyHosts(network.nonProxyHosts());
        }
        network.tls().ifPresent(tls -> TlsConfigUtils.configure(webOptions, tls));
    }

    ClientOptions options() {
        return options;
    }

    String bucket() {
        return bucket;
    }

    /** Maps PostObject policies and callback replies. */
    ObjectMapper objectMapper() {
        return objectMapper;
    }

    Vertx vertx() {
        return vertx;
    }

    /** The credentials of this client's requests and presigned URLs. */
    CredentialSupply credentials() {
        return credentials;
    }

    ClientMeters meters() {
        return meters;
    }

    void close() {
        credentials.close();
        webClient.close();
        httpClient.closeAndForget();
    }

    /** Sends the request, retrying transient failures when the body can be replayed. */
    Uni<OssResponse> execute(OssRequest request) {
        return execute(request, chunk -> {
        });
    }

    /** Like {@link #execute(OssRequest)}; {@code observer} sees the body bytes of every attempt. */
    Uni<OssResponse> execute(OssRequest request, Consumer<Buffer> observer) {
        Consumer<Buffer> counted = chunk -> {
            observer.accept(chunk);
            meters.sent(chunk.length());
        };
        return attempt(request, 0, prepared -> request.body.send(vertx, outgoing(prepared), counted)
                .map(response -> checkStatus(request, response)), Answer.OSS_RESPONSE);
    }

    /**
     * Sends an upload and checks the CRC-64 OSS reports against the bytes sent; {@code crc} holds the CRC of the
     * successful attempt afterwards.
     */
    Uni<OssResponse> executeUpload(OssRequest request, SentBytesCrc crc) {
        Consumer<Buffer> counted = chunk -> {
            crc.accept(chunk);
            meters.sent(chunk.length());
        };
        return attempt(request, 0, prepared -> {
            crc.reset();
            return request.body.send(vertx, outgoing(prepared), counted).map(response -> {
                OssResponse checked = checkStatus(request, response);
                crc.verify(request, checked);
                return checked;
            }).onFailure(OssCallbackFailedException.class).transform(failure -> {
                // even when the callback failed, OSS stored the object: say so if what it stored is not what was sent
                OssCallbackFailedException cb = (OssCallbackFailedException) failure;
                if (cb.crc64().isPresent() && cb.crc64().getAsLong() != crc.value()) {
                    return SentBytesCrc.mismatch(request.method, request.key, crc.value(), cb.crc64().getAsLong(),
                            cb.requestId().orElse(null), "the stored object differs from the data sent, and its"
                                    + " callback failed");
                }
                return failure;
            });
        }, Answer.OSS_RESPONSE);
    }

    /**
     * Sends the request and streams a successful response body into {@code target} (created or truncated for each
     * attempt); an error response is read into memory and mapped as usual. A full read is checked against the
     * object's CRC-64 as the bytes pass by.
     */
    Uni<OssResponse> download(OssRequest request, Path target, DownloadProgress progress) {
        OpenOptions open = new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true);
        ReceivedBytesCrc crc = new ReceivedBytesCrc();
        return attempt(request, 0, prepared -> vertx.fileSystem().open(target.toString(), open)
                .chain(file -> {
                    crc.reset();
                    BodyCodec<Void> checkedPipe = BodyCodec.newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(
                            new ObservedWriteStream(file.getDelegate(), chunk -> {
                                crc.update(chunk);
                                meters.received(chunk.length());
                                progress.received(chunk.length());
                            }), true));
                    return webRequest(prepared).as(checkedPipe)
                            .expect(ResponsePredicate.create(
                                    response -> {
                                        // checked when the response head arrives, before its body is piped
                                        if (!isSuccess(response.statusCode())) {
                                            return ResponsePredicateResult.failure("OSS error");
                                        }
                                        progress.attempt(response.getHeader("Content-Length"));
                                        return ResponsePredicateResult.success();
                                    },
                                    ErrorConverter.createFullBody(
                                            result -> {
                                                OssResponse error = OssResponse.of(result.response());
                                                if (error.body() != null) {
                                                    meters.received(error.body().length());
                                                }
                                                return errorOf(request, error);
                                            })))
                            .send()
                            .onFailure().call(() -> file.close().onFailure().recoverWithNull());
                })
                .map(response -> {
                    crc.verify(request, response.statusCode(), response::getHeader);
                    return new OssResponse(response.statusCode(), response.headers(), null);
                }), Answer.OSS_RESPONSE);
    }

    /**
     * Streams the response body of a GET. A failure before the first byte (error status, connection) is retried like
     * any request; once bytes flow, a broken connection fails the stream, and so does a full read whose CRC-64 differs
     * from the object's.
     */
    Multi<Buffer> stream(OssRequest request, DownloadProgress progress) {
        return this.<HttpClientResponse> attempt(request, 0, prepared -> {
            return httpClient.request(requestOptions(prepared)).chain(HttpClientRequest::send).chain(response -> {
                if (isSuccess(response.statusCode())) {
                    response.pause(); // hold the body until the caller subscribes to it
                    return Uni.createFrom().item(response);
                }
                return response.body().map(body -> {
                    meters.received(body.length());
                    throw OssErrors.fromResponse(request.method, request.key, response.statusCode(),
                            response::getHeader, body.getBytes());
                });
            });
        }, Answer.STREAMED).onItem().transformToMulti(response -> {
            // a full read is checked against the object's CRC-64 once the last byte has passed
            ReceivedBytesCrc crc = new ReceivedBytesCrc();
            progress.attempt(response.getHeader("Content-Length"));
            return response.toMulti().invoke(chunk -> {
                crc.accept(chunk);
                meters.received(chunk.length());
                progress.received(chunk.length());
            })
                    .onCompletion().invoke(() -> crc.verify(request, response.statusCode(), response::getHeader));
        });
    }

    private <T> Uni<T> attempt(OssRequest request, int retriesDone, Function<Prepared, Uni<T>> sender,
            Answer<T> answer) {
        return sendOnce(request, sender, answer).onFailure().recoverWithUni(failure -> {
            RetryStrategy retry = options.retry();
            boolean canRetry = retriesDone < retry.maxRetries() && request.operation.retryable
                    && request.body.replayable() && retry.isRetryable(failure);
            if (!canRetry) {
                if (LOG.isDebugEnabled() && retry.isRetryable(failure) && !request.body.replayable()) {
                    LOG.debugf("Not retrying %s: its streamed body cannot be sent again (%s)", request.describe(),
                            failure.getMessage());
                }
                return Uni.createFrom().failure(failure);
            }
            Duration delay = retry.delayBeforeRetry(retriesDone + 1);
            LOG.debugf("Retrying %s in %d ms (retry %d of %d) after: %s", request.describe(), delay.toMillis(),
                    retriesDone + 1, retry.maxRetries(), failure.getMessage());
            meters.retry(request.operation.apiName);
            return delay(delay).chain(() -> attempt(request, retriesDone + 1, sender, answer));
        });
    }

    private Uni<Void> delay(Duration delay) {
        if (delay.isZero()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(delay.toMillis(), id -> emitter.complete(null)));
    }

    /**
     * One attempt: credentials first (a provider that may block is asked off the event loop), then the request,
     * measured from when it is signed (a request that cannot be signed is never sent). Its span starts on
     * subscription, where the caller's span is current, and so covers getting credentials too.
     */
    private <T> Uni<T> sendOnce(OssRequest request, Function<Prepared, Uni<T>> sender, Answer<T> answer) {
        String operation = request.operation.apiName;
        return Uni.createFrom().deferred(() -> {
            AttemptSpan span = spans.start(operation, bucket);
            return credentials.next().chain(signing -> {
                Prepared prepared = prepare(request, signing);
                long start = System.nanoTime();
                return sender.apply(prepared)
                        .onItem().invoke(item -> meters.request(operation, answer.status(item),
                                System.nanoTime() - start))
                        .onFailure().transform(failure -> {
                            OssException mapped = toOssException(request, failure);
                            meters.request(operation, mapped.status(), System.nanoTime() - start);
                            return mapped;
                        });
            }).onFailure().transform(failure -> withCredentialSource(toOssException(request, failure)))
                    .onItemOrFailure().invoke((item, failure) -> {
                        if (failure instanceof OssException oss) {
                            span.failed(oss.status(), oss.requestId().orElse(null), oss.code());
                        } else if (failure != null) {
                            span.failed(ClientMeters.NO_STATUS, null, failure.getClass().getSimpleName());
                        } else {
                            span.succeeded(answer.status(item), answer.requestId(item));
                        }
                    })
                    .onCancellation().invoke(() -> span.failed(ClientMeters.NO_STATUS, null, "Cancelled"));
        });
    }

    /** What the metrics and the span of an attempt read from its result, whichever client it went through. */
    private interface Answer<T> {
        Answer<OssResponse> OSS_RESPONSE = new Answer<>() {
            @Override
            public int status(OssResponse response) {
                return response.status();
            }

            @Override
            public String requestId(OssResponse response) {
                return response.requestId();
            }
        };

        Answer<HttpClientResponse> STREAMED = new Answer<>() {
            @Override
            public int status(HttpClientResponse response) {
                return response.statusCode();
            }

            @Override
            public String requestId(HttpClientResponse response) {
                return response.getHeader("x-oss-request-id");
            }
        };

        int status(T response);

        String requestId(T response);
    }

    /** Method, absolute URI and final headers (signature included) of one attempt. */
    record Prepared(HttpMethod method, String uri, Map<String, String> headers) {
    }

    /**
     * One attempt of a request, ready to go out through the Web Client (bodies in memory or streamed) or the core
     * client (bodies that write their own chunks and must know when each has left).
     */
    interface Outgoing {
        HttpRequest<Buffer> web();

        Future<io.vertx.core.http.HttpClientRequest> core();

        /** Where file bodies read their chunks into. */
        ChunkBuffers chunkBuffers();
    }

    private Outgoing outgoing(Prepared prepared) {
        return new Outgoing() {
            @Override
            public HttpRequest<Buffer> web() {
                return webRequest(prepared);
            }

            @Override
            public Future<io.vertx.core.http.HttpClientRequest> core() {
                return httpClient.getDelegate().request(requestOptions(prepared));
            }

            @Override
            public ChunkBuffers chunkBuffers() {
                return chunkBuffers;
            }
        };
    }

    private RequestOptions requestOptions(Prepared prepared) {
        RequestOptions requestOptions = new RequestOptions().setMethod(prepared.method())
                .setAbsoluteURI(prepared.uri()).setIdleTimeout(options.readTimeout().toMillis());
        prepared.headers().forEach(requestOptions::putHeader);
        return requestOptions;
    }

    private HttpRequest<Buffer> webRequest(Prepared prepared) {
        HttpRequest<Buffer> http = webClient.requestAbs(prepared.method(), prepared.uri());
        http.idleTimeout(options.readTimeout().toMillis());
        prepared.headers().forEach(http::putHeader);
        return http;
    }

    /** Addressing, standard headers and signature; signed anew for every attempt. */
    private Prepared prepare(OssRequest request, OssCredentials signing) {
        SignableRequest signable = request.key == null ? SignableRequest.forBucket(request.method, bucket)
                : SignableRequest.forObject(request.method, bucket, request.key);
        request.query.forEach((name, value) -> {
            if (value == null) {
                signable.queryFlag(name);
            } else {
                signable.query(name, value);
            }
        });
        request.headers.forEach(signable::header);
        Instant now = Instant.now();
        signable.header("Date", HttpDate.format(now));
        long length = request.body.length();
        if (length >= 0 && !request.method.equals("GET") && !request.method.equals("HEAD")) {
            signable.header("Content-Length", Long.toString(length));
        }
        options.signer().signHeaders(signable, signing, now);
        return new Prepared(HttpMethod.valueOf(request.method), uri(request.key, request.query).toString(),
                signable.headers());
    }

    /** OSS refusing the credentials themselves: the message then says where they came from. */
    private Throwable withCredentialSource(Throwable failure) {
        if (failure instanceof OssException oss && oss.getClass() == OssException.class
                && CREDENTIAL_ERRORS.contains(oss.code())) {
            return new OssException(oss.status(), oss.code(), oss.ossMessage() + " (credentials from "
                    + credentials.source() + ")", oss.requestId().orElse(null), oss.hostId().orElse(null),
                    oss.ec().orElse(null), oss.method(), oss.key().orElse(null), oss.getCause());
        }
        return failure;
    }

    private static final java.util.Set<String> CREDENTIAL_ERRORS = java.util.Set.of("SecurityTokenExpired",
            "InvalidSecurityToken", "InvalidAccessKeyId");

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300 && status != 203;
    }

    private OssResponse checkStatus(OssRequest request, OssResponse response) {
        if (response.body() != null) {
            meters.received(response.body().length());
        }
        if (isSuccess(response.status())) {
            return response;
        }
        throw errorOf(request, response);
    }

    private static OssException errorOf(OssRequest request, OssResponse response) {
        Buffer body = response.body();
        return OssErrors.fromResponse(request.method, request.key, response.status(), response::header,
                body == null ? null : body.getBytes());
    }

    private static OssException toOssException(OssRequest request, Throwable failure) {
        if (failure instanceof OssException oss) {
            return oss;
        }
        String code = isTimeout(failure) ? "RequestTimeout"
                : isConnectionError(failure) ? "ConnectionError"
                        : "ClientError";
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return OssException.clientSide(code, message, request.method, request.key, failure);
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
    }

    private static boolean isConnectionError(Throwable failure) {
        return failure instanceof java.net.ConnectException || failure instanceof java.io.IOException
                || failure instanceof HttpClosedException || failure instanceof VertxException;
    }

    /** The request URI for {@code key} (null for the bucket) with the given raw query parameters. */
    URI uri(String key, Map<String, String> query) {
        URI endpoint = options.endpoint();
        StringBuilder sb = new StringBuilder();
        sb.append(endpoint.getScheme()).append("://");
        if (!options.pathStyle() && !options.customDomain()) {
            sb.append(bucket).append('.');
        }
        sb.append(endpoint.getHost());
        if (endpoint.getPort() > 0) {
            sb.append(':').append(endpoint.getPort());
        }
        sb.append('/');
        if (options.pathStyle()) {
            sb.append(bucket).append('/');
        }
        if (key != null) {
            sb.append(OssUriEncoder.encodePath(key));
        }
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            sb.append(separator).append(OssUriEncoder.encodeComponent(parameter.getKey()));
            if (parameter.getValue() != null) {
                sb.append('=').append(OssUriEncoder.encodeComponent(parameter.getValue()));
            }
            separator = '&';
        }
        return URI.create(sb.toString());
    }
}
