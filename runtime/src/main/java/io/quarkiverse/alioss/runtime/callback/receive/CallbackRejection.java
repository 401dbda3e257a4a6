package io.quarkiverse.alioss.runtime.callback.receive;

/**
 * A callback the route does not accept, raised by the receive pipeline before the method runs. It carries what
 * {@link CallbackRefusal} answers with: the HTTP status, a precise code and detail for the log, and a short public
 * reason for the reply (which never says more than the caller needs: see {@link CallbackRefusal}).
 */
final class CallbackRejection extends RuntimeException {

    private final int status;
    private final String code;
    private final String publicReason;

    private CallbackRejection(int status, String code, String publicReason, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.code = code;
        this.publicReason = publicReason;
    }

    /** A body that does not bind (400); the detail names the field and is safe to send. */
    public static CallbackRejection malformed(String detail, Throwable cause) {
        return new CallbackRejection(400, "BODY_INVALID", detail, detail, cause);
    }

    public static CallbackRejection tooLarge(long limit) {
        return new CallbackRejection(413, "BODY_TOO_LARGE", "callback body too large",
                "callback body larger than " + limit + " bytes", null);
    }

    public static CallbackRejection readTimeout(long millis) {
        return new CallbackRejection(408, "BODY_TIMEOUT", "callback body not received in time",
                "the callback body did not arrive within " + millis + " ms", null);
    }

    /** The raw body is gone (another extension's body handler consumed it), so it cannot be verified. */
    public static CallbackRejection bodyUnavailable(String detail) {
        return new CallbackRejection(400, "BODY_UNAVAILABLE", "callback body unavailable", detail, null);
    }

    public static CallbackRejection contentType(String expected, String received) {
        return new CallbackRejection(415, "CONTENT_TYPE", "callback content type not accepted",
                "expected Content-Type " + expected + ", got "
                        + (received == null ? "none" : CallbackBindingException.shown(received)),
                null);
    }

    /** The token was used before, or a callback with it is in progress. */
    public static CallbackRejection replayed(String callbackName) {
        return new CallbackRejection(403, "TOKEN_REPLAYED", CallbackRefusal.TOKEN_REFUSED,
                "the token of callback '" + callbackName + "' was used before", null);
    }

    /** The object is not in the bucket, or OSS knows it with other values than the body claims. */
    public static CallbackRejection notConfirmed(String detail) {
        return new CallbackRejection(403, "NOT_CONFIRMED", "callback not confirmed", detail, null);
    }

    /** OSS could not be asked (no client for the bucket, network, 5xx): try again later. */
    public static CallbackRejection confirmationUnavailable(String detail, Throwable cause) {
        return new CallbackRejection(503, "CONFIRMATION_UNAVAILABLE", "callback not confirmed", detail, cause);
    }

    public int status() {
        return status;
    }

    /** Precise and machine-readable, for logs and metrics. */
    public String code() {
        return code;
    }

    /** What the caller is told. */
    public String publicReason() {
        return publicReason;
    }
}
