package io.quarkiverse.alioss.emulator.callback;

import java.time.Duration;
import java.util.Objects;

import io.vertx.core.net.TrustOptions;

/**
 * How the emulator performs callbacks. The defaults are OSS's behaviour (5 s timeout); the rest are emulator choices.
 *
 * @param timeout per URL, from connect to the end of the reply (OSS: 5 s, fixed); shorter in tests
 * @param trust trust for HTTPS callback URLs; null trusts every certificate and does not check the host name
 *        (OSS does not document its certificate checks, and local test servers use self-signed certificates)
 * @param ownerId value of {@code x-oss-owner} and {@code x-oss-requester} (an OSS account UID)
 * @param render undocumented rendering choices
 */
public record CallbackPerformerOptions(Duration timeout, TrustOptions trust, String ownerId,
        CallbackRenderOptions render) {

    public static final Duration OSS_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_OWNER_ID = "1000000000000000";

    public CallbackPerformerOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(render, "render");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public static CallbackPerformerOptions defaults() {
        return new CallbackPerformerOptions(OSS_TIMEOUT, null, DEFAULT_OWNER_ID, CallbackRenderOptions.defaults());
    }

    public CallbackPerformerOptions withTimeout(Duration newTimeout) {
        return new CallbackPerformerOptions(newTimeout, trust, ownerId, render);
    }

    public CallbackPerformerOptions withTrust(TrustOptions newTrust) {
        return new CallbackPerformerOptions(timeout, newTrust, ownerId, render);
    }

    public CallbackPerformerOptions withRender(CallbackRenderOptions newRender) {
        return new CallbackPerformerOptions(timeout, trust, ownerId, newRender);
    }
}
