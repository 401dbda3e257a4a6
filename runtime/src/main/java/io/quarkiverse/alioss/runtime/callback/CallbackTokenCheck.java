package io.quarkiverse.alioss.runtime.callback;

import java.time.Clock;
import java.util.Map;

/**
 * Checks the callback token in the callback URL's query, when tokens are enabled. The OSS signature covers the query,
 * so a token that passes here was put there by this application's callback template.
 */
final class CallbackTokenCheck {

    private final CallbackToken token;
    private final Clock clock;

    /** @param token null when tokens are disabled */
    CallbackTokenCheck(CallbackToken token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    boolean enabled() {
        return token != null;
    }

    /**
     * @param customValues the received values of the custom variables the method binds, keyed {@code x:name}
     * @throws CallbackRejection 403 when the token is missing, malformed, expired or does not match
     */
    void check(CallbackEndpoint endpoint, String requestTarget, Map<String, String> customValues) {
        if (token == null) {
            return;
        }
        int query = requestTarget.indexOf('?');
        String presented = CallbackToken.fromQuery(query < 0 ? null : requestTarget.substring(query + 1));
        try {
            token.check(endpoint.getName(), presented, customValues, clock.instant());
        } catch (CallbackToken.TokenException e) {
            throw CallbackRejection.forbidden("callback token refused: " + e.failure(), e);
        }
    }
}
