package io.quarkiverse.alioss.runtime.callback;

import io.quarkiverse.alioss.callback.CallbackBodyType;

/**
 * The fields of a received callback body, looked up by key, whatever the body type. Extra fields and field order do not
 * matter, so bodies from templates written by other tools bind as long as the keys match.
 */
public interface CallbackFields {

    /**
     * The field's value as text, or null when the field is absent (or JSON {@code null}).
     *
     * @throws CallbackBindingException when the field cannot be read unambiguously
     */
    String get(String key);

    /** Parses a raw body; {@link CallbackBindingException} (HTTP 400) when it is not of the declared type. */
    static CallbackFields parse(CallbackBodyType type, byte[] body) {
        return type == CallbackBodyType.JSON ? JsonCallbackFields.parse(body) : FormCallbackFields.parse(body);
    }
}
