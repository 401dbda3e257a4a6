package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;

/**
 * Used tokens in this instance's memory, each until it expires. Bounded: expired entries are swept when the store
 * reaches its capacity, and when it is still full the claim fails (503) instead of forgetting a token that is still
 * valid, which would let it be accepted twice.
 * <p>
 * A claim is a 128-bit fingerprint of the token id and an expiry, kept in primitive arrays ({@link ClaimTable}): no
 * object per claim. Claims live for the token's lifetime (minutes), so with one object graph per claim every young
 * collection copied each new claim and a busy route spent most of its token cost in the garbage collector.
 */
public final class MemoryTokenStore implements CallbackTokenStore {

    /** Independent tables, each with its own lock, so that event loops rarely wait for each other. */
    private static final int SEGMENTS = 32;

    private final ClaimTable[] segments = new ClaimTable[SEGMENTS];
    private final int maxEntries;
    private final Clock clock;
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public MemoryTokenStore(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new ClaimTable(clock, size, maxEntries);
        }
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

    boolean claimNow(String id, Instant expiry) {
        TokenFingerprint fingerprint = TokenFingerprint.of(id);
        ClaimTable table = segment(fingerprint);
        // 0 marks a free slot, so an expiry at the epoch itself is stored one millisecond later
        long expiryMillis = Math.max(1, expiry.toEpochMilli());
        ClaimTable.Outcome outcome = table.claim(fingerprint.high(), fingerprint.low(), expiryMillis);
        if (outcome == ClaimTable.Outcome.FULL) {
            sweep(clock.millis());
            outcome = table.claim(fingerprint.high(), fingerprint.low(), expiryMillis);
            if (outcome == ClaimTable.Outcome.FULL) {
                throw new CallbackTokenStoreUnavailableException("the in-memory store of used callback tokens holds "
                        + maxEntries + " unexpired tokens (quarkus.oss.callback.token.memory.max-entries)");
            }
        }
        return outcome == ClaimTable.Outcome.CLAIMED;
    }

    @Override
    public Uni<Void> release(String id) {
        TokenFingerprint fingerprint = TokenFingerprint.of(id);
        segment(fingerprint).remove(fingerprint.high(), fingerprint.low());
        return Uni.createFrom().voidItem();
    }

    /** The number of remembered tokens, expired ones included until the next sweep. */
    int size() {
        return size.get();
    }

    private ClaimTable segment(TokenFingerprint fingerprint) {
        return segments[(int) (fingerprint.high() >>> 59)];
    }

    private void sweep(long nowMillis) {
        // one sweeper at a time; the others find the store as the sweeper leaves it
        if (sweeping.compareAndSet(false, true)) {
            try {
                for (ClaimTable table : segments) {
                    table.forgetExpired(nowMillis);
                }
            } finally {
                sweeping.set(false);
            }
        }
    }
}
