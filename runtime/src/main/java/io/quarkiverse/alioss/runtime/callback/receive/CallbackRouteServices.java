package io.quarkiverse.alioss.runtime.callback.receive;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkiverse.alioss.runtime.callback.template.CallbackTokens;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.metrics.OssMetrics;
import io.vertx.mutiny.core.Vertx;

/**
 * What all callback endpoints share: the verifier, the settings, the token issuer and check, the confirmation with
 * OSS, the reply writer and the refusal log. Built once per application start from the resolved
 * {@code quarkus.oss.callback.*} settings.
 */
public final class CallbackRouteServices {

    private static final Logger LOG = Logger.getLogger(CallbackRefusalLog.CATEGORY);
    private static final int GENERATED_SECRET_BYTES = 32;

    private final OssCallbackVerifier verifier;
    private final OssCallbackSettings settings;
    private final CallbackTokens tokenIssuer;
    private final CallbackTokenCheck tokens;
    private final CallbackConfirmation confirmation;
    private final CallbackReplies replies;
    private final CallbackRefusalLog refusalLog;
    private final OssMetrics metrics;
    private final CallbackJournal journal;

    public CallbackRouteServices(OssCallbackVerifier verifier, OssCallbackSettings settings, CallbackToken token,
            CallbackTokenStore store, Function<String, Optional<ReactiveOssClient>> clientForBucket,
            ObjectMapper objectMapper, Clock clock) {
        this(verifier, settings, token, store, clientForBucket, objectMapper, clock, OssMetrics.NONE,
                CallbackJournal.NONE);
    }

    public CallbackRouteServices(OssCallbackVerifier verifier, OssCallbackSettings settings, CallbackToken token,
            CallbackTokenStore store, Function<String, Optional<ReactiveOssClient>> clientForBucket,
            ObjectMapper objectMapper, Clock clock, OssMetrics metrics, CallbackJournal journal) {
        this.verifier = verifier;
        this.settings = settings;
        this.tokenIssuer = token == null ? null
                : new CallbackTokens(token, settings.token().ttl(), settings.token().margin(), clock);
        this.tokens = token == null ? null : new CallbackTokenCheck(token, store, clock);
        this.confirmation = new CallbackConfirmation(clientForBucket);
        this.replies = new CallbackReplies(objectMapper);
        this.refusalLog = new CallbackRefusalLog(clock);
        this.metrics = metrics;
        this.journal = journal;
    }

    public static CallbackRouteServices create(OssCallbackSettings settings, Vertx vertx, ObjectMapper objectMapper,
            CallbackTokenStore store, Function<String, Optional<ReactiveOssClient>> clientForBucket,
            CallbackJournal journal) {
        // the built-in gosspublic URLs keep their pinned key; configured PEMs are pinned too; the rest are fetched
        OssCallbackVerifier.Builder verifier = OssCallbackVerifier.builder().fetchTimeout(settings.keyFetchTimeout())
                .vertx(vertx);
        settings.pinnedKeys().forEach(verifier::trustKey);
        settings.fetchedKeyUrls().forEach(verifier::trustFetchedKey);
        if (!settings.token().enabled()) {
            LOG.warnf("OSS callback tokens are switched off (%s=false): any OSS customer can have OSS send this"
                    + " application's callback routes signed callbacks with bucket, object and x: values of their"
                    + " choosing, as often as they like", OssConfigKeys.callback("token.enabled"));
        }
        return new CallbackRouteServices(verifier.build(), settings, token(settings), store, clientForBucket,
                objectMapper, Clock.systemUTC(), OssMetrics.current(), journal);
    }

    /**
     * The token, or null when tokens are disabled. The configuration only lets a token be enabled without a secret in
     * dev and test mode; then a fresh secret is generated per start.
     */
    static CallbackToken token(OssCallbackSettings settings) {
        if (!settings.token().enabled()) {
            return null;
        }
        SecureRandom random = new SecureRandom();
        byte[] secret = settings.token().secret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] generated = new byte[GENERATED_SECRET_BYTES];
            random.nextBytes(generated);
            return generated;
        });
        return new CallbackToken(secret, random);
    }

    OssCallbackVerifier verifier() {
        return verifier;
    }

    public OssCallbackSettings settings() {
        return settings;
    }

    /** The token issuer for callback templates; null when tokens are disabled. */
    public CallbackTokens tokenIssuer() {
        return tokenIssuer;
    }

    /** The token check of the routes; null when tokens are disabled. */
    CallbackTokenCheck tokens() {
        return tokens;
    }

    CallbackConfirmation confirmation() {
        return confirmation;
    }

    public CallbackReplies replies() {
        return replies;
    }

    CallbackRefusalLog refusalLog() {
        return refusalLog;
    }

    OssMetrics metrics() {
        return metrics;
    }

    CallbackJournal journal() {
        return journal;
    }
}
