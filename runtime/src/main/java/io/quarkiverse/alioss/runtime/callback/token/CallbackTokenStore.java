package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Remembers which callback tokens were used, so that each is accepted once. A route claims a token before it invokes its
 * method and gives the claim back when the callback is not accepted after all (the method failed or refused, the reply
 * could not be written), so that OSS's next attempt with the same token, at the next callback URL, still works.
 * <p>
 * Implementations never block the calling thread (callbacks are received on the event loop).
 */
public interface CallbackTokenStore {

    /**
     * Claims a token until {@code expiry}.
     *
     * @param id identifies the token (its MAC, Base64url; unique per issued token)
     * @param expiry when the token expires; the claim may be forgotten afterwards, as the token is refused anyway
     * @return true when this call claimed it; false when it was claimed before (used, or a callback with it is in
     *         progress)
     * @throws CallbackTokenStoreUnavailableException (as the Uni's failure) when the store cannot tell, e.g. it is full
     *         or unreachable: the callback is then refused with 503, never accepted twice
     */
    Uni<Boolean> claim(String id, Instant expiry);

    /**
     * Claims a token when this store can tell at once (it keeps its claims in this process): the answer of
     * {@link #claim}, without a {@code Uni} to subscribe to.
     *
     * @return as {@link #claim}; null when the store cannot tell at once, and {@link #claim} must be used
     * @throws CallbackTokenStoreUnavailableException as {@link #claim}
     */
    default Boolean claimAtOnce(String id, Instant expiry) {
        return null;
    }

    /** Gives a claim back, so that the token can be claimed again. */
    Uni<Void> release(String id);
}
