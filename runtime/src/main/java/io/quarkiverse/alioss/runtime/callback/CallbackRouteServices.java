package io.quarkiverse.alioss.runtime.callback;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkus.runtime.LaunchMode;
import io.vertx.mutiny.core.Vertx;

/**
 * What all generated callback routes share: the verifier, the body limit, the token check and the reply writer. Built
 * once per application start from {@link CallbackSettings}.
 */
public final class CallbackRouteServices {

    static final String TOKEN_SECRET_KEY = "quarkus.oss.callback.token.secret";
    private static final int GENERATED_SECRET_BYTES = 32;

    private final OssCallbackVerifier verifier;
    private final long maxBodySize;
    private final CallbackTokenCheck tokens;
    private final CallbackToken token;
    private final CallbackReplies replies;
    private final CallbackSettings settings;

    CallbackRouteServices(OssCallbackVerifier verifier, long maxBodySize, CallbackToken token, ObjectMapper objectMapper,
            CallbackSettings settings) {
        this.verifier = verifier;
        this.maxBodySize = maxBodySize;
        this.token = token;
        this.tokens = new CallbackTokenCheck(token, Clock.systemUTC());
        this.replies = new CallbackReplies(objectMapper);
        this.settings = settings;
    }

    static CallbackRouteServices create(CallbackSettings settings, LaunchMode launchMode, Vertx vertx,
            ObjectMapper objectMapper) {
        OssCallbackVerifier.Builder verifier = OssCallbackVerifier.builder().fetchTimeout(settings.keyFetchTimeout());
        if (!settings.trustedKeyUrls().isEmpty()) {
            verifier.vertx(vertx);
            settings.trustedKeyUrls().forEach(verifier::trustFetchedKey);
        }
        return new CallbackRouteServices(verifier.build(), settings.maxBodySize(), token(settings, launchMode),
                objectMapper, settings);
    }

    /** The token issuer and checker, or null when tokens are disabled. */
    static CallbackToken token(CallbackSettings settings, LaunchMode launchMode) {
        byte[] secret = settings.tokenSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (secret == null && launchMode.isDevOrTest()) {
            // dev and test get a fresh secret per start, so tokens work without any configuration
            secret = new byte[GENERATED_SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
        }
        boolean enabled = settings.tokenEnabled().orElse(secret != null);
        if (!enabled) {
            return null;
        }
        if (secret == null) {
            throw new IllegalStateException("quarkus.oss.callback.token.enabled is true but " + TOKEN_SECRET_KEY
                    + " is not set; set a secret of at least 32 bytes");
        }
        try {
            return new CallbackToken(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(TOKEN_SECRET_KEY + " is too short: " + e.getMessage(), e);
        }
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

    CallbackSettings settings() {
        return settings;
    }
}
