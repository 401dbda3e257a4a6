package io.quarkiverse.alioss.callback;

/**
 * Thrown by an {@link OssCallback} method to refuse an upload callback with its own HTTP status and message.
 * <p>
 * Any status other than 200 makes OSS answer the uploader with HTTP 203 {@code CallbackFailed}; the object stays stored.
 */
public class OssCallbackRefusedException extends RuntimeException {

    private final int status;

    public OssCallbackRefusedException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx HTTP status, got " + status);
        }
        this.status = status;
    }

    /** Refuses with 400 Bad Request. */
    public static OssCallbackRefusedException badRequest(String message) {
        return new OssCallbackRefusedException(400, message);
    }

    /** Refuses with 403 Forbidden. */
    public static OssCallbackRefusedException forbidden(String message) {
        return new OssCallbackRefusedException(403, message);
    }

    public int status() {
        return status;
    }
}
