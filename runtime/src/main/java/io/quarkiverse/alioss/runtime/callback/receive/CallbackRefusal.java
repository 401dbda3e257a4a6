package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.OssCallbackVerificationException;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStoreUnavailableException;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpan;

/**
 * How a callback that is not accepted is answered: the one mapping from every failure of the receive pipeline and of
 * the method to an HTTP status, a public reason and a precise code. The public reason says no more than the caller
 * needs: a signature or token failure is only "verification failed" / "token refused" (a token holder must not learn
 * whether a MAC was genuine but expired); the precise code and detail go to the log.
 * <p>
 * OSS passes none of it to the uploader, who sees 203 {@code CallbackFailed} with {@code Error status : <status>}.
 *
 * @param status 400 body, 403 signature/token/confirmation, 408/413/415 transport, 503 temporarily unable to decide
 *        (key, token store, OSS), the method's own status when it refuses, 500 when it fails
 * @param code e.g. {@code BAD_SIGNATURE}, {@code TOKEN_MISMATCH}, {@code TOKEN_REPLAYED}, {@code BODY_INVALID}
 * @param reason the public reason sent in the reply
 * @param detail the precise reason, for the log only
 */
public record CallbackRefusal(int status, String code, String reason, String detail, Throwable cause) {

    static final String VERIFICATION_FAILED = "verification failed";
    static final String TOKEN_REFUSED = "token refused";

    /** A failure of the receive pipeline, before the method runs. */
    public static CallbackRefusal of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallbackRejection rejection) {
            return new CallbackRefusal(rejection.status(), rejection.code(), rejection.publicReason(),
                    rejection.getMessage(), rejection.getCause());
        }
        if (cause instanceof CallbackBindingException binding) {
            return of(CallbackRejection.malformed(binding.getMessage(), binding));
        }
        if (cause instanceof OssCallbackVerificationException verification) {
            boolean unavailable = verification.reason() == OssCallbackVerificationException.Reason.KEY_UNAVAILABLE;
            String prefix = verification.reason().name() + ": ";
            String detail = verification.getMessage().startsWith(prefix)
                    ? verification.getMessage().substring(prefix.length())
                    : verification.getMessage();
            return new CallbackRefusal(unavailable ? 503 : 403, verification.reason().name(), VERIFICATION_FAILED,
                    detail, null);
        }
        if (cause instanceof CallbackToken.TokenException token) {
            return new CallbackRefusal(403, "TOKEN_" + token.failure().name(), TOKEN_REFUSED,
                    token.getMessage().substring(token.failure().name().length() + 2), null);
        }
        if (cause instanceof CallbackTokenStoreUnavailableException store) {
            return new CallbackRefusal(503, "TOKEN_STORE_UNAVAILABLE", TOKEN_REFUSED, store.getMessage(),
                    store.getCause());
        }
        return new CallbackRefusal(500, "INTERNAL_ERROR", "callback handling failed", String.valueOf(cause), cause);
    }

    /** A failure of the method (or of writing its reply). */
    public static CallbackRefusal ofMethod(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof OssCallbackRefusedException refused) {
            return new CallbackRefusal(refused.status(), "METHOD_REFUSED", String.valueOf(refused.getMessage()),
                    "the method refused the callback: " + refused.getMessage(), null);
        }
        if (cause instanceof CallbackRejection || cause instanceof OssCallbackVerificationException) {
            return of(cause);
        }
        return new CallbackRefusal(500, "METHOD_FAILED", "callback method failed", String.valueOf(cause), cause);
    }

    /** Whether the failure is a bug or an outage worth a stack trace, rather than a refused request. */
    boolean isError() {
        return isErrorStatus(status);
    }

    /** A 5xx other than 503 (which asks OSS to try again later) is a bug or an outage. */
    static boolean isErrorStatus(int status) {
        return status >= 500 && status != 503;
    }

    /** Adds this refusal, by its precise code, to the server span of its request. */
    public void reportTo(CallbackSpan span) {
        span.refused(code, isError());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
