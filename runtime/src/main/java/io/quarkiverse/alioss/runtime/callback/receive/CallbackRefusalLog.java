package io.quarkiverse.alioss.runtime.callback.receive;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;

/**
 * Logs refused callbacks with their precise reason (the reply only says "verification failed" or "token refused"), so
 * that an operator looking at a {@code CallbackFailed} upload finds why. Refusals can be sent by anyone, so at most
 * {@value #PER_MINUTE} a minute are logged at INFO, the rest at DEBUG; method failures (500) are logged as errors with
 * their stack trace. Never logs the body, the signature or the token.
 */
final class CallbackRefusalLog {

    /** The category operators configure: {@code quarkus.log.category."io.quarkiverse.alioss.callback".level}. */
    static final String CATEGORY = "io.quarkiverse.alioss.callback";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final int PER_MINUTE = 60;
    private static final long MINUTE_MILLIS = 60_000;

    private final Clock clock;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong inWindow = new AtomicLong();

    CallbackRefusalLog(Clock clock) {
        this.clock = clock;
    }

    void log(CallbackEndpoint endpoint, CallbackRefusal refusal, String ossRequestId) {
        String requestId = ossRequestId == null ? "none" : CallbackBindingException.shown(ossRequestId);
        if (refusal.isError()) {
            LOG.errorf(refusal.cause(), "OSS callback %s (%s) failed with %d %s: %s; OSS request id %s",
                    endpoint.name(), endpoint.method(), refusal.status(), refusal.code(), refusal.detail(),
                    requestId);
            return;
        }
        Logger.Level level = withinRate() ? Logger.Level.INFO : Logger.Level.DEBUG;
        LOG.logf(level, "OSS callback %s refused with %d %s: %s; OSS request id %s", endpoint.name(),
                refusal.status(), refusal.code(), refusal.detail(), requestId);
    }

    private boolean withinRate() {
        long minute = clock.millis() / MINUTE_MILLIS;
        long current = window.get();
        if (current != minute && window.compareAndSet(current, minute)) {
            long suppressed = inWindow.getAndSet(0) - PER_MINUTE;
            if (suppressed > 0) {
                LOG.infof("%d further refused OSS callbacks were logged at DEBUG only (more than %d a minute)",
                        suppressed, PER_MINUTE);
            }
        }
        return inWindow.incrementAndGet() <= PER_MINUTE;
    }
}
