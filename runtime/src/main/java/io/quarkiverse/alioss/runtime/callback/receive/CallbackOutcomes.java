package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.metrics.CallbackMeters;

/**
 * Reports how each callback of one endpoint ended, once its reply is written: to the metrics, and with a WARN when OSS
 * cannot have accepted it although the method did (a reply later than OSS waits, or larger than OSS relays). OSS then
 * reports the upload to the uploader as failed ({@code 203 CallbackFailed}) while the object is stored, which nothing
 * else in the application would show.
 */
public final class CallbackOutcomes {

    /** How long OSS waits for the whole reply. */
    static final long OSS_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** The largest reply body OSS passes on to the uploader. */
    static final long OSS_MAX_REPLY_BYTES = 1024 * 1024;

    /** The reason of a reply that could not be written. */
    static final String NOT_DELIVERED = "REPLY_NOT_DELIVERED";

    private static final Logger LOG = Logger.getLogger(CallbackRefusalLog.CATEGORY);

    private final CallbackEndpoint endpoint;
    private final CallbackMeters meters;

    CallbackOutcomes(CallbackEndpoint endpoint, CallbackMeters meters) {
        this.endpoint = endpoint;
        this.meters = meters;
    }

    /** The method's 200 reply of {@code replyBytes} went out; {@code startNanos} is when the request arrived. */
    public void accepted(long startNanos, long replyBytes) {
        long nanos = System.nanoTime() - startNanos;
        meters.accepted(nanos, replyBytes);
        warnIfSlow(nanos);
        if (replyBytes > OSS_MAX_REPLY_BYTES) {
            LOG.warnf("OSS callback %s (%s) replied %d bytes, more than the %d OSS passes on: OSS reports the upload"
                    + " to the uploader as failed (203 CallbackFailed) although the object is stored", endpoint.name(),
                    endpoint.method(), replyBytes, OSS_MAX_REPLY_BYTES);
        }
    }

    /** The callback was refused, or the method failed; the refusal is logged by {@link CallbackRefusalLog}. */
    public void refused(CallbackRefusal refusal, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        meters.refused(refusal.code(), refusal.isError(), nanos);
        warnIfSlow(nanos);
    }

    /**
     * A resource method's request completed with {@code status}, having written {@code replyBytes}: accepted with 200,
     * otherwise counted like the refusal or failure of a generated route's method.
     */
    public void completed(int status, boolean failed, long startNanos, long replyBytes) {
        if (status == 200 && !failed) {
            accepted(startNanos, replyBytes);
            return;
        }
        long nanos = System.nanoTime() - startNanos;
        boolean error = isMethodFailure(status, failed);
        meters.refused(methodOutcomeCode(status, failed), error, nanos);
        warnIfSlow(nanos);
    }

    /** Whether a resource method's non-200 answer is a failure rather than the method's own refusal. */
    public static boolean isMethodFailure(int status, boolean failed) {
        return failed || CallbackRefusal.isErrorStatus(status);
    }

    /** {@code METHOD_FAILED} or {@code METHOD_REFUSED}, as {@link #isMethodFailure} decides. */
    public static String methodOutcomeCode(int status, boolean failed) {
        return isMethodFailure(status, failed) ? "METHOD_FAILED" : "METHOD_REFUSED";
    }

    /**
     * The method's reply could not be written: the connection was gone, typically because OSS stopped waiting. Counted
     * as failed with reason {@value #NOT_DELIVERED}.
     */
    public void notDelivered(long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        meters.refused(NOT_DELIVERED, true, nanos);
        warnIfSlow(nanos);
    }

    private void warnIfSlow(long nanos) {
        if (nanos > OSS_WAIT_NANOS) {
            LOG.warnf("OSS callback %s (%s) took %d ms to reply, longer than the %d s OSS waits: OSS reports the"
                    + " upload to the uploader as failed (203 CallbackFailed) although the object is stored",
                    endpoint.name(), endpoint.method(), TimeUnit.NANOSECONDS.toMillis(nanos),
                    TimeUnit.NANOSECONDS.toSeconds(OSS_WAIT_NANOS));
        }
    }
}
