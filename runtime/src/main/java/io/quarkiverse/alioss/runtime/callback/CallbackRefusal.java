package io.quarkiverse.alioss.runtime.callback;

import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.OssCallbackVerificationException;

/**
 * The reply to a callback that is not accepted: HTTP status, machine-readable reason and a message safe to send (OSS
 * passes neither to the uploader, who sees 203 CallbackFailed with {@code Error status : <status>.}).
 *
 * @param status 400 for a body that does not bind, 403 for a signature or token that does not hold, 503 when a trusted
 *        key cannot be fetched, the method's own status for {@link OssCallbackRefusedException}, 500 otherwise
 * @param reason e.g. {@code BAD_SIGNATURE}, {@code TOKEN_EXPIRED}, {@code INVALID_BODY}, {@code REFUSED}
 */
public record CallbackRefusal(int status, String reason, String message) {

    public static CallbackRefusal of(Throwable failure) {
        if (failure instanceof OssCallbackVerificationException e) {
            int status = e.reason() == OssCallbackVerificationException.Reason.KEY_UNAVAILABLE ? 503 : 403;
            return new CallbackRefusal(status, e.reason().name(), "callback signature not accepted");
        }
        if (failure instanceof CallbackToken.TokenException e) {
            return new CallbackRefusal(403, "TOKEN_" + e.failure().name(), "callback token not accepted");
        }
        if (failure instanceof CallbackBindingException e) {
            return new CallbackRefusal(e.status(), "INVALID_BODY", e.getMessage());
        }
        if (failure instanceof OssCallbackRefusedException e) {
            return new CallbackRefusal(e.status(), "REFUSED", String.valueOf(e.getMessage()));
        }
        // Unexpected failures may carry internals: the reply says nothing about them; the caller logs them.
        return new CallbackRefusal(500, "INTERNAL_ERROR", "callback handling failed");
    }

    /** {@code {"status":"error","reason":...,"message":...}}: OSS requires a JSON body even on failure. */
    public String json() {
        return JsonObjects.write(json -> {
            json.writeStringField("status", "error");
            json.writeStringField("reason", reason);
            json.writeStringField("message", message);
        });
    }
}
