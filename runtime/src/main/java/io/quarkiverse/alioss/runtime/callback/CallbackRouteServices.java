package io.quarkiverse.alioss.runtime.callback;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;
import io.vertx.mutiny.core.Vertx;

/**
 * What all generated callback routes share: the verifier, the body limit, the token check and the reply writer. Built
 * once per application start from the resolved {@code quarkus.oss.callback.*} settings.
 */
public final class CallbackRouteServices {

    private static final int GENERATED_SECRET_BYTES = 32;

    private final OssCallbackVerifier verifier;
    private final long maxBodySize;
    private final CallbackTokenCheck tokens;
    private final CallbackToken token;
    private final CallbackReplies replies;
    private final OssCallbackSettings settings;

    CallbackRouteServices(OssCallbackVerifier verifier, long maxBodySize, CallbackToken token, ObjectMapper objectMapper,
            OssCallbackSettings settings) {
        this.verifier = verifier;
        this.maxBodySize = maxBodySize;
        this.token = token;
        this.tokens = new CallbackTokenCheck(token, Clock.systemUTC());
        this.replies = new CallbackReplies(objectMapper);
        this.settings = settings;
    }

    static CallbackRouteServices create(OssCallbackSettings settings, Vertx vertx, ObjectMapper objectMapper) {
        // the built-in gosspublic URLs keep their pinned key; only the configured ones are fetched (and cached)
        OssCallbackVerifier.Builder verifier = OssCallbackVerifier.builder().fetchTimeout(settings.keyFetchTimeout())
                .vertx(vertx);
        settings.trustedKeyUrls().forEach(verifier::trustFetchedKey);
        return new CallbackRouteServices(verifier.build(), settings.maxBodySize(), token(settings), objectMapper,
                settings);
    }

    /**
     * The token issuer and checker, or null when tokens are disabled. The configuration only lets a token be enabled
     * without a secret in dev and test mode; then a fresh secret is generated per start.
     */
    static CallbackToken token(OssCallbackSettings settings) {
        if (!settings.tokenEnabled()) {
            return null;
        }
        byte[] secret = settings.tokenSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] generated = new byte[GENERATED_SECRET_BYTES];
            new SecureRandom().nextBytes(generated);
            return generated;
        });
        return new CallbackToken(secret);
    }

    OssCallbackVerifier verifier() {
        return verifier;
    }

    long maxBodySize() {
        return maxBodySize;
    }

    CallbackTokenCheck tokens() {
        return tokens;
    }

    /** The token issuer for callback templates; null when tokens are disabled. */
    CallbackToken token() {
        return token;
    }

    CallbackReplies replies() {
        return replies;
    }

    OssCallbackSettings settings() {
        return settings;
    }
}
