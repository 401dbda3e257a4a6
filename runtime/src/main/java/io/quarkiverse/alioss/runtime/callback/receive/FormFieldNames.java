package io.quarkiverse.alioss.runtime.callback.receive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names a form body is read by, each with a slot number. A fixed set (the keys of one endpoint's callback
 * template, built once) lets the parser match plain field names against the received bytes without making a string of
 * them, and skip every field nobody reads. An open set, for reading any body, learns each name as it meets it.
 */
final class FormFieldNames {

    private final boolean open;
    private final List<String> names = new ArrayList<>();
    /** The names that are plain ASCII (no {@code %}, {@code +} or non-ASCII), as bytes; null entries for the others. */
    private final List<byte[]> plainBytes = new ArrayList<>();
    private final Map<String, Integer> slots = new HashMap<>();

    private FormFieldNames(boolean open) {
        this.open = open;
    }

    /** A fixed set: the names of the fields that will be read, no others. Thread-safe once built. */
    static FormFieldNames of(Collection<String> names) {
        FormFieldNames fixed = new FormFieldNames(false);
        names.forEach(fixed::add);
        return fixed;
    }

    /** An open set, for one body: every name gets a slot. Not thread-safe. */
    static FormFieldNames open() {
        return new FormFieldNames(true);
    }

    boolean isOpen() {
        return open;
    }

    /** The number of slots so far (for an open set, grows while a body is parsed). */
    int size() {
        return names.size();
    }

    /** The slot of a name, -1 when it has none; never adds one. */
    int find(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    /** The slot of a decoded name; -1 when a fixed set does not read it. An open set adds it. */
    int slot(String name) {
        Integer slot = slots.get(name);
        if (slot != null) {
            return slot;
        }
        return open ? add(name) : -1;
    }

    /**
     * The slot of a plain name (no {@code %} or {@code +}, ASCII) given as {@code body[from, to)}; -1 when a fixed set
     * does not read it. Equal bytes mean equal names, since such a name decodes to itself.
     */
    int slot(byte[] body, int from, int to) {
        int length = to - from;
        if (open) {
            // a body may have thousands of names: look them up by hash
            return slot(new String(body, from, length, StandardCharsets.ISO_8859_1));
        }
        for (int i = 0; i < plainBytes.size(); i++) {
            byte[] plain = plainBytes.get(i);
            if (plain != null && plain.length == length && Arrays.equals(plain, 0, length, body, from, to)) {
                return i;
            }
        }
        return -1;
    }

    private int add(String name) {
        Integer existing = slots.putIfAbsent(name, names.size());
        if (existing != null) {
            return existing;
        }
        names.add(name);
        plainBytes.add(isPlain(name) ? name.getBytes(StandardCharsets.ISO_8859_1) : null);
        return names.size() - 1;
    }

    private static boolean isPlain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || c == '%' || c == '+') {
                return false;
            }
        }
        return true;
    }
}
