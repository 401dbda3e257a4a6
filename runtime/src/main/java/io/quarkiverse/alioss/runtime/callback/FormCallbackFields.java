package io.quarkiverse.alioss.runtime.callback;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Fields of an {@code application/x-www-form-urlencoded} callback body. Keys and values are form-decoded
 * ({@code %XX} as UTF-8, {@code +} as space), so {@code x%3Auser} and {@code x:user} are the same key.
 * <p>
 * A key that appears more than once cannot be bound: reading it is refused rather than guessing which value OSS meant
 * (repeated keys that are never read are ignored like any other extra field).
 */
public final class FormCallbackFields implements CallbackFields {

    private final Map<String, String> rawValues;
    private final Set<String> repeatedKeys;

    private FormCallbackFields(Map<String, String> rawValues, Set<String> repeatedKeys) {
        this.rawValues = rawValues;
        this.repeatedKeys = repeatedKeys;
    }

    public static FormCallbackFields parse(byte[] body) {
        Map<String, String> values = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            try {
                key = PercentDecoding.decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            } catch (IllegalArgumentException e) {
                throw new CallbackBindingException(null, "form callback body has a field name that cannot be decoded: "
                        + e.getMessage());
            }
            if (values.putIfAbsent(key, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                repeated.add(key);
            }
        }
        return new FormCallbackFields(values, repeated);
    }

    @Override
    public String get(String key) {
        if (repeatedKeys.contains(key)) {
            throw new CallbackBindingException(key, "appears more than once in the callback body");
        }
        String raw = rawValues.get(key);
        if (raw == null) {
            return null;
        }
        try {
            return PercentDecoding.decodeForm(raw);
        } catch (IllegalArgumentException e) {
            throw new CallbackBindingException(key, "value cannot be URL-decoded: " + e.getMessage());
        }
    }
}
