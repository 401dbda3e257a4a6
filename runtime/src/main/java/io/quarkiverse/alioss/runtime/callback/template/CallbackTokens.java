package io.quarkiverse.alioss.runtime.callback.template;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;

/**
 * Issues callback tokens for templates: an upload the application makes itself gets a token valid for the configured
 * {@code ttl}; a presigned URL or PostObject form handed out gets one valid for its own validity plus the {@code margin}
 * (an upload started just before the form expires must still be able to call back), and must be confirmed with OSS.
 */
public final class CallbackTokens {

    private final CallbackToken token;
    private final Duration ttl;
    private final Duration margin;
    private final Clock clock;

    public CallbackTokens(CallbackToken token, Duration ttl, Duration margin, Clock clock) {
        this.token = token;
        this.ttl = ttl;
        this.margin = margin;
        this.clock = clock;
    }

    CallbackToken token() {
        return token;
    }

    /** {@code oss-cb-token=<token>} for the callback {@code name} of {@code target}'s upload. */
    public String queryFor(String name, CallbackTarget target, Map<String, String> vars) {
        Duration lifetime = target.handedOutFor().map(validity -> validity.plus(margin)).orElse(ttl);
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        CallbackToken.Binding binding = new CallbackToken.Binding(name, target.bucket(), target.key(),
                target.keyIsPrefix(), target.confirmWithOss(), vars);
        // Base64url and digits need no URL encoding
        return CallbackToken.QUERY_PARAMETER + "=" + token.issue(binding, expiry);
    }
}
