package io.quarkiverse.alioss.runtime.callback.verify;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Fetches callback public keys from trusted URLs: once per URL, concurrent requests for the same URL share one fetch,
 * a fetched key is kept for the life of this cache. After a failed fetch the URL is not fetched again for a while
 * ({@link FetchBackoff}: 1 s, doubling up to 60 s); until then callbacks naming it fail at once, without a request.
 * {@link KeyDownload} bounds each fetch in size and time.
 * <p>
 * Only the verifier calls this, and only for URLs already on its trusted list.
 */
public final class RemoteKeyCache {

    private final KeyDownload download;
    private final FetchBackoff backoff;
    private final ConcurrentMap<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<PublicKey>> inFlight = new ConcurrentHashMap<>();

    public RemoteKeyCache(Vertx vertx, Duration timeout) {
        this(vertx, timeout, System::nanoTime);
    }

    /** @param nanoTime monotonic nanoseconds that time the backoff after failures */
    RemoteKeyCache(Vertx vertx, Duration timeout, LongSupplier nanoTime) {
        this.download = new KeyDownload(vertx, timeout);
        this.backoff = new FetchBackoff(nanoTime);
    }

    /** The key if it was fetched before; never starts a fetch. */
    public Optional<PublicKey> cached(String url) {
        return Optional.ofNullable(keys.get(url));
    }

    /**
     * The key for {@code url}, fetching it if needed; fails with {@link KeyFetchException}, at once while the URL is
     * backing off after a failed fetch.
     */
    public Uni<PublicKey> get(String url) {
        PublicKey known = keys.get(url);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.createFrom().completionStage(() -> fetchOnce(url));
    }

    private CompletableFuture<PublicKey> fetchOnce(String url) {
        CompletableFuture<PublicKey> mine = new CompletableFuture<>();
        CompletableFuture<PublicKey> running = inFlight.putIfAbsent(url, mine);
        if (running != null) {
            return running;
        }
        PublicKey known = keys.get(url);
        if (known != null) {
            // Another fetch finished between our first look and registering ours.
            inFlight.remove(url, mine);
            mine.complete(known);
            return mine;
        }
        // checked after registering: a failure is recorded before its fetch leaves inFlight, so it is seen here
        Optional<String> refusal = backoff.refusal(url);
        if (refusal.isPresent()) {
            inFlight.remove(url, mine);
            mine.completeExceptionally(new KeyFetchException(refusal.get()));
            return mine;
        }
        fetch(url).subscribe().with(key -> {
            keys.put(url, key);
            backoff.succeeded(url);
            inFlight.remove(url, mine);
            mine.complete(key);
        }, failure -> {
            backoff.failed(url, failure.getMessage());
            inFlight.remove(url, mine);
            mine.completeExceptionally(failure);
        });
        return mine;
    }

    private Uni<PublicKey> fetch(String url) {
        return download.body(url).map(body -> parse(url, body));
    }

    private static PublicKey parse(String url, Buffer body) {
        if (body.length() == 0) {
            throw new KeyFetchException("fetching " + url + " returned an empty body, not a PEM key");
        }
        try {
            return PublicKeys.parsePem(body.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyFetchException("key at " + url + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Why a key could not be obtained. */
    public static final class KeyFetchException extends RuntimeException {
        KeyFetchException(String message) {
            super(message);
        }

        KeyFetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
