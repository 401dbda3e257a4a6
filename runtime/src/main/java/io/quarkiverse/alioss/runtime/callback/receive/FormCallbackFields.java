package io.quarkiverse.alioss.runtime.callback.receive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.verify.PercentDecoding;

/**
 * Fields of an {@code application/x-www-form-urlencoded} callback body. Keys and values are form-decoded
 * ({@code %XX} as UTF-8, {@code +} as space), so {@code x%3Auser} and {@code x:user} are the same key. Bytes that are
 * not valid UTF-8 are refused, never replaced.
 * <p>
 * A key that appears more than once cannot be bound: reading it is refused rather than guessing which value OSS meant
 * (repeated keys that are never read are ignored like any other extra field).
 * <p>
 * Parsing reads the body once and keeps where each value lies; a value is decoded when it is first read, then kept.
 * Parsed for an endpoint's {@link FormFieldNames}, only the fields of its template are kept at all.
 */
public final class FormCallbackFields implements CallbackFields {

    private final byte[] body;
    private final FormFieldNames names;
    /** Per slot: where the value starts, or -1 when the field is absent; where it ends. */
    private final int[] starts;
    private final int[] ends;
    private final boolean[] repeated;
    private final String[] decoded;

    private FormCallbackFields(byte[] body, FormFieldNames names, int slots) {
        this.body = body;
        this.names = names;
        this.starts = new int[slots];
        this.ends = new int[slots];
        this.repeated = new boolean[slots];
        this.decoded = new String[slots];
        Arrays.fill(starts, -1);
    }

    /** Every field of the body can be read. */
    public static FormCallbackFields parse(byte[] body) {
        return parse(body, FormFieldNames.open());
    }

    /**
     * @param names the fields that will be read (a fixed set), or an open set for any field
     * @throws CallbackBindingException when the body is not valid UTF-8 or a field name cannot be decoded
     */
    static FormCallbackFields parse(byte[] body, FormFieldNames names) {
        requireUtf8(null, body, 0, body.length);
        // an open set gets a slot per name, so at most one per field
        FormCallbackFields fields = new FormCallbackFields(body, names, names.isOpen() ? fieldCount(body)
                : names.size());
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, '&', start, body.length);
            if (end > start) {
                int eq = indexOf(body, '=', start, end);
                int slot = slot(body, start, eq, names);
                if (slot >= 0) {
                    fields.record(slot, eq == end ? end : eq + 1, end);
                }
            }
            start = end + 1;
        }
        return fields;
    }

    /** Every field in body order, decoded by the same strict rules (repeated keys kept, as a form reader sees them). */
    public static List<Map.Entry<String, String>> entries(byte[] body) {
        requireUtf8(null, body, 0, body.length);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, '&', start, body.length);
            if (end > start) {
                int eq = indexOf(body, '=', start, end);
                try {
                    String key = key(body, start, eq);
                    entries.add(Map.entry(key, eq == end ? "" : decode(key, body, eq + 1, end)));
                } catch (IllegalArgumentException e) {
                    throw new CallbackBindingException(null, "form callback body cannot be decoded: "
                            + e.getMessage());
                }
            }
            start = end + 1;
        }
        return entries;
    }

    @Override
    public String get(String key) {
        int slot = names.find(key);
        if (slot < 0) {
            if (names.isOpen()) {
                return null;
            }
            // the endpoint reads only the keys of its template, which the parser looked for
            throw new IllegalStateException("field '" + key + "' is not one of the fields this body was parsed for");
        }
        if (slot >= starts.length || starts[slot] < 0) {
            return null;
        }
        if (repeated[slot]) {
            throw new CallbackBindingException(key, "appears more than once in the callback body");
        }
        String value = decoded[slot];
        if (value == null) {
            try {
                value = decode(key, body, starts[slot], ends[slot]);
            } catch (IllegalArgumentException e) {
                throw new CallbackBindingException(key, "value cannot be URL-decoded: " + e.getMessage());
            }
            decoded[slot] = value;
        }
        return value;
    }

    @Override
    public String string(String key) {
        return get(key);
    }

    private void record(int slot, int valueStart, int valueEnd) {
        if (starts[slot] >= 0) {
            repeated[slot] = true;
        } else {
            starts[slot] = valueStart;
            ends[slot] = valueEnd;
        }
    }

    /** The field's slot; -1 when nobody reads it. The name is decoded only when it is encoded. */
    private static int slot(byte[] body, int from, int to, FormFieldNames names) {
        if (isPlain(body, from, to)) {
            return names.slot(body, from, to);
        }
        try {
            return names.slot(key(body, from, to));
        } catch (IllegalArgumentException e) {
            throw new CallbackBindingException(null, "form callback body has a field name that cannot be decoded: "
                    + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException for an invalid percent sequence */
    private static String key(byte[] body, int from, int to) {
        return isPlain(body, from, to) ? new String(body, from, to - from, StandardCharsets.ISO_8859_1)
                : utf8(null, PercentDecoding.decodeFormBytes(body, from, to));
    }

    /** @throws IllegalArgumentException for an invalid percent sequence */
    private static String decode(String key, byte[] body, int from, int to) {
        if (isPlain(body, from, to)) {
            // ASCII without escapes: the bytes are the characters
            return new String(body, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return utf8(key, PercentDecoding.decodeFormBytes(body, from, to));
    }

    /** Whether {@code bytes[from, to)} decodes to itself: ASCII without {@code %} and {@code +}. */
    private static boolean isPlain(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0 || b == '%' || b == '+') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return to;
    }

    private static int fieldCount(byte[] body) {
        int count = 1;
        for (byte b : body) {
            if (b == '&') {
                count++;
            }
        }
        return count;
    }

    private static String utf8(String key, byte[] bytes) {
        requireUtf8(key, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Refuses bytes that are not well-formed UTF-8; ASCII, the usual case, is checked without a decoder. */
    private static void requireUtf8(String key, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, i, to - i));
                    return;
                } catch (CharacterCodingException e) {
                    throw new CallbackBindingException(key, "is not valid UTF-8");
                }
            }
        }
    }
}
