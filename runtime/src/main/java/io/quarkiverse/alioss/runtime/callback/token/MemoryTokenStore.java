package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.smallrye.mutiny.Uni;

/**
 * Used tokens in this instance's memory, each until it expires. Bounded: expired entries are swept when the map
 * reaches its capacity, and when it is still full the claim fails (503) instead of forgetting a token that is still
 * valid, which would let it be accepted twice.
 */
public final class MemoryTokenStore implements CallbackTokenStore {

    private final ConcurrentHashMap<String, Instant> claims = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public MemoryTokenStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Uni<Boolean> claim(String id, Instant expiry) {
        try {
            return Uni.createFrom().item(claimNow(id, expiry));
        } catch (CallbackTokenStoreUnavailableException e) {
            return Uni.createFrom().failure(e);
        }
    }

    @Override
    public Boolean claimAtOnce(String id, Instant expiry) {
        return claimNow(id, expiry);
    }

    /** One map operation in the usual case: the token is new and the store has room. */
    boolean claimNow(String id, Instant expiry) {
        if (claims.size() >= maxEntries) {
            Instant now = clock.instant();
            Instant existing = claims.get(id);
            if (existing != null && !existing.isBefore(now)) {
                return false; // used: a replay, even when the store is full
            }
            sweep(now);
            if (claims.size() >= maxEntries) {
                throw new CallbackTokenStoreUnavailableException("the in-memory store of used callback tokens holds "
                        + maxEntries + " unexpired tokens (quarkus.oss.callback.token.memory.max-entries)");
            }
        }
        Instant previous = claims.putIfAbsent(id, expiry);
        if (previous == null) {
            return true;
        }
        if (!previous.isBefore(clock.instant())) {
            return false;
        }
        // an expired claim may be forgotten; of two callbacks racing for it, only one replaces it
        return claims.replace(id, previous, expiry);
    }

    @Override
    public Uni<Void> release(String id) {
        claims.remove(id);
        return Uni.createFrom().voidItem();
    }

    /** The number of remembered tokens, expired ones included until the next sweep. */
    int size() {
        return claims.size();
    }

    private void sweep(Instant now) {
        // one sweeper at a time; the others find the map as the sweeper leaves it
        if (sweeping.compareAndSet(false, true)) {
            try {
                claims.values().removeIf(expiry -> expiry.isBefore(now));
            } finally {
                sweeping.set(false);
            }
        }
    }
}
