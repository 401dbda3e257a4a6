package io.quarkiverse.alioss.runtime.callback;

/**
 * A callback request the route refuses before the business method runs, with the HTTP status and the reason it
 * answers with. The reason goes to the caller: it never contains secrets, signatures or body content.
 */
public final class CallbackRejection extends RuntimeException {

    private final int status;

    public CallbackRejection(int status, String reason) {
        this(status, reason, null);
    }

    public CallbackRejection(int status, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.status = status;
    }

    public static CallbackRejection malformed(String reason, Throwable cause) {
        return new CallbackRejection(400, reason, cause);
    }

    public static CallbackRejection forbidden(String reason, Throwable cause) {
        return new CallbackRejection(403, reason, cause);
    }

    public static CallbackRejection tooLarge(long limit) {
        return new CallbackRejection(413, "callback body larger than " + limit + " bytes");
    }

    public int status() {
        return status;
    }
}
