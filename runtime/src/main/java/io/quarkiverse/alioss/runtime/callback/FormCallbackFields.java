package io.quarkiverse.alioss.runtime.callback;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields of an {@code application/x-www-form-urlencoded} callback body. Keys and values are form-decoded
 * ({@code %XX} as UTF-8, {@code +} as space), so {@code x%3Auser} and {@code x:user} are the same key. Bytes that are
 * not valid UTF-8 are refused, never replaced.
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
        for (String pair : utf8(null, body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            try {
                key = decode(null, eq < 0 ? pair : pair.substring(0, eq));
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

    /** Every field in body order, decoded by the same strict rules (repeated keys kept, as a form reader sees them). */
    public static List<Map.Entry<String, String>> entries(byte[] body) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String pair : utf8(null, body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = decode(null, eq < 0 ? pair : pair.substring(0, eq));
                entries.add(Map.entry(key, eq < 0 ? "" : decode(key, pair.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new CallbackBindingException(null, "form callback body cannot be decoded: " + e.getMessage());
            }
        }
        return entries;
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
            return decode(key, raw);
        } catch (IllegalArgumentException e) {
            throw new CallbackBindingException(key, "value cannot be URL-decoded: " + e.getMessage());
        }
    }

    @Override
    public String string(String key) {
        return get(key);
    }

    private static String decode(String key, String text) {
        return utf8(key, PercentDecoding.decodeFormBytes(text));
    }

    private static String utf8(String key, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CallbackBindingException(key, "is not valid UTF-8");
        }
    }
}
