package io.quarkiverse.alioss.runtime.callback.receive;

import io.quarkiverse.alioss.callback.CallbackBodyType;

/**
 * The fields of a received callback body, looked up by key, whatever the body type. Extra fields and field order do not
 * matter, so bodies from templates written by other tools bind as long as the keys match. Every value handed out is
 * well-formed Unicode: a body that encodes anything else is refused.
 */
public interface CallbackFields {

    /**
     * The field's value as text, or null when the field is absent (or JSON {@code null}). JSON numbers and booleans are
     * given as their text; numbers far outside any Java type are refused rather than expanded.
     *
     * @throws CallbackBindingException when the field cannot be read unambiguously
     */
    String get(String key);

    /**
     * The field's value when OSS always sends it as a string: custom {@code x:} variables, {@code bucket},
     * {@code object}. Null when absent (or JSON {@code null}).
     *
     * @throws CallbackBindingException when a JSON body has something other than a string there
     */
    String string(String key);

    /** Parses a raw body; {@link CallbackBindingException} (HTTP 400) when it is not of the declared type. */
    static CallbackFields parse(CallbackBodyType type, byte[] body) {
        return type == CallbackBodyType.JSON ? JsonCallbackFields.parse(body) : FormCallbackFields.parse(body);
    }

    /** Refuses text with unpaired surrogates, which no UTF-8 body can carry honestly. */
    static String wellFormed(String key, String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new CallbackBindingException(key, "is not valid Unicode");
                }
            }
        }
        return text;
    }
}
