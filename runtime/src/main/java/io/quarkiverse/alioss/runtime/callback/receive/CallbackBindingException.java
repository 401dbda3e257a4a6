package io.quarkiverse.alioss.runtime.callback.receive;

import io.quarkiverse.alioss.runtime.callback.verify.UntrustedText;

/**
 * A callback body that cannot be bound to the method parameters: malformed, missing a required field, or a value of the
 * wrong type. Answered with HTTP 400; the message names the field and is safe to send back.
 */
public final class CallbackBindingException extends RuntimeException {

    private static final int MAX_SHOWN_VALUE_CHARS = 40;

    private final String field;

    public CallbackBindingException(String field, String message) {
        super(field == null ? message : "callback body field '" + field + "': " + message);
        this.field = field;
    }

    /** The body field key concerned, or null when the body as a whole is unusable. */
    public String field() {
        return field;
    }

    public int status() {
        return 400;
    }

    /** Values come from the uploader: shortened, control characters replaced, before they go into a message. */
    static String shown(String value) {
        return UntrustedText.shown(value, MAX_SHOWN_VALUE_CHARS);
    }
}
