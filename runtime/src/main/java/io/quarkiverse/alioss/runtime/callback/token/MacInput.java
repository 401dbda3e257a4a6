package io.quarkiverse.alioss.runtime.callback.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.Mac;

/**
 * One thread's HMAC and the buffer its input is written into, both reused from token to token. The input is
 * length-prefixed: every string as a 4-byte length and its strict UTF-8 bytes, so that no choice of names or values
 * makes two bindings collide.
 */
final class MacInput {

    private final Mac mac;
    private byte[] buffer = new byte[256];
    private int length;

    MacInput(Mac mac) {
        this.mac = mac;
    }

    /** Starts a new input; what was written before is dropped. */
    MacInput reset() {
        length = 0;
        return this;
    }

    void writeInt(int v) {
        ensure(4);
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    void writeBytes(byte[] bytes) {
        writeInt(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** @throws IllegalArgumentException when {@code s} has an unpaired surrogate, which has no UTF-8 form */
    void writeString(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                requireWellFormed(s);
                // well-formed text: the JDK's encoding is the strict one
                writeBytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        writeInt(n);
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    /** The count, then each (name, value) with a value, sorted by name; empty values count as absent. */
    void writeVariables(Map<String, String> values) {
        String[] names = new String[values == null ? 0 : values.size()];
        int count = 0;
        if (values != null) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                if (entry.getValue() != null && !entry.getValue().isEmpty()) {
                    names[count++] = entry.getKey();
                }
            }
        }
        Arrays.sort(names, 0, count);
        writeInt(count);
        for (int i = 0; i < count; i++) {
            writeString(names[i]);
            writeString(values.get(names[i]));
        }
    }

    byte[] mac() {
        mac.update(buffer, 0, length);
        return mac.doFinal();
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private static void requireWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i);
            }
        }
    }
}
