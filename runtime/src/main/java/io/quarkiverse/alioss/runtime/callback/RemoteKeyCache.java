package io.quarkiverse.alioss.runtime.callback;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Fetches callback public keys from trusted URLs: once per URL, concurrent requests for the same URL share one fetch,
 * a fetched key is kept for the life of this cache, a failed fetch is forgotten so the next callback tries again.
 * <p>
 * Only the verifier calls this, and only for URLs already on its trusted list.
 */
public final class RemoteKeyCache {

    /** A PEM public key is a few hundred bytes; anything far larger is not a key. */
    private static final int MAX_KEY_BYTES = 16 * 1024;

    private final WebClient client;
    private final Duration timeout;
    private final ConcurrentMap<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<PublicKey>> inFlight = new ConcurrentHashMap<>();

    public RemoteKeyCache(Vertx vertx, Duration timeout) {
        this.timeout = timeout;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    /** The key if it was fetched before; never starts a fetch. */
    public Optional<PublicKey> cached(String url) {
        return Optional.ofNullable(keys.get(url));
    }

    /** The key for {@code url}, fetching it if needed; fails with {@link KeyFetchException}. */
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
        fetch(url).subscribe().with(key -> {
            keys.put(url, key);
            inFlight.remove(url, mine);
            mine.complete(key);
        }, failure -> {
            inFlight.remove(url, mine);
            mine.completeExceptionally(failure);
        });
        return mine;
    }

    private Uni<PublicKey> fetch(String url) {
        return client.getAbs(url)
                .timeout(timeout.toMillis())
                .send()
                .ifNoItem().after(timeout).failWith(() -> new KeyFetchException("fetching " + url + " timed out after "
                        + timeout.toMillis() + " ms"))
                .onFailure(f -> !(f instanceof KeyFetchException))
                .transform(f -> new KeyFetchException("fetching " + url + " failed: " + f.getMessage(), f))
                .map(response -> parse(url, response));
    }

    private static PublicKey parse(String url, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new KeyFetchException("fetching " + url + " returned HTTP " + response.statusCode());
        }
        Buffer body = response.body();
        if (body == null || body.length() == 0 || body.length() > MAX_KEY_BYTES) {
            throw new KeyFetchException("fetching " + url + " returned no PEM key (body length "
                    + (body == null ? 0 : body.length()) + ")");
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
