package io.quarkiverse.alioss.runtime.callback.receive;

import java.time.Clock;
import java.time.Instant;

import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStoreUnavailableException;
import io.smallrye.mutiny.Uni;

/**
 * Checks the callback token in the callback URL's query against the callback body, then claims it so it is accepted
 * once. The OSS signature covers the query, so a token that passes was put there by this application's template, for
 * this bucket, object and {@code x:} values.
 */
final class CallbackTokenCheck {

    private final CallbackToken token;
    private final CallbackTokenStore store;
    private final Clock clock;

    CallbackTokenCheck(CallbackToken token, CallbackTokenStore store, Clock clock) {
        this.token = token;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param requestTarget the raw path and query as received
     * @return the genuine token, not yet claimed
     * @throws CallbackToken.TokenException when the token is missing, malformed, issued for other values or expired
     * @throws CallbackBindingException when the body's pinned values cannot be read
     */
    CallbackToken.Presented check(CallbackTemplate template, String requestTarget, CallbackFields fields) {
        int query = requestTarget.indexOf('?');
        CallbackToken.Presented presented = CallbackToken.parse(
                CallbackToken.fromQuery(query < 0 ? null : requestTarget.substring(query + 1)));
        token.check(presented, template.name(), template.stringValueOf(fields, "bucket"),
                template.stringValueOf(fields, "object"), template.customValuesOf(fields), clock.instant());
        return presented;
    }

    /**
     * Claims the token until it expires, when the store can tell at once.
     *
     * @return true when claimed; null when the store must be asked with {@link #claim}
     * @throws CallbackRejection TOKEN_REPLAYED when it was claimed before
     * @throws CallbackTokenStoreUnavailableException when the store cannot tell
     */
    Boolean claimAtOnce(CallbackToken.Presented presented, String callbackName) {
        Boolean claimed = store.claimAtOnce(presented.id(), claimExpiry(presented));
        if (Boolean.FALSE.equals(claimed)) {
            throw CallbackRejection.replayed(callbackName);
        }
        return claimed;
    }

    /** Claims the token until it expires; fails with a TOKEN_REPLAYED rejection when it was claimed before. */
    Uni<Void> claim(CallbackToken.Presented presented, String callbackName) {
        return store.claim(presented.id(), claimExpiry(presented))
                .map(claimed -> {
                    if (!claimed) {
                        throw CallbackRejection.replayed(callbackName);
                    }
                    return null;
                });
    }

    private static Instant claimExpiry(CallbackToken.Presented presented) {
        return Instant.ofEpochSecond(presented.expiry()).plusSeconds(1);
    }

    /** Gives the claim back: the callback was not accepted after all. */
    void release(CallbackToken.Presented presented) {
        store.release(presented.id()).subscribe().with(ignored -> {
        }, failure -> {
            // the token stays claimed until it expires; OSS's next callback URL is then refused as a replay
        });
    }
}
