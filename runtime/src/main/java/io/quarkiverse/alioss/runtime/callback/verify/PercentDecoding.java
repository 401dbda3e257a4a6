package io.quarkiverse.alioss.runtime.callback.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Percent-decoding to bytes, in the two flavours callbacks need: RFC 3986 for request paths ({@code +} stays {@code +})
 * and HTML form decoding for form bodies ({@code +} is a space).
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /** Thrown for {@code %} not followed by two ASCII hex digits; the message says where. */
    public static final class InvalidPercentEncodingException extends IllegalArgumentException {
        InvalidPercentEncodingException(String message) {
            super(message);
        }
    }

    /** RFC 3986 percent-decoding: only {@code %XX} is decoded, {@code +} stays {@code +}. */
    public static byte[] decodePath(String s) {
        return decode(s, false);
    }

    /** Form decoding ({@code application/x-www-form-urlencoded}): {@code %XX} and {@code +} as space, as UTF-8. */
    public static String decodeForm(String s) {
        return new String(decodeFormBytes(s), StandardCharsets.UTF_8);
    }

    /** Form decoding to the raw bytes, for callers that refuse invalid UTF-8 instead of replacing it. */
    public static byte[] decodeFormBytes(String s) {
        return decode(s, true);
    }

    /**
     * Form decoding of {@code bytes[from, to)}, raw bytes of a body, to the raw bytes they encode.
     *
     * @throws InvalidPercentEncodingException naming the index relative to {@code from}
     */
    public static byte[] decodeFormBytes(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= to) {
                    throw new InvalidPercentEncodingException("truncated percent sequence at index " + (i - from));
                }
                int hi = hexValue((char) bytes[i + 1]);
                int lo = hexValue((char) bytes[i + 2]);
                if (hi < 0 || lo < 0) {
                    throw new InvalidPercentEncodingException("invalid percent sequence at index " + (i - from));
                }
                out[n++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else {
                out[n++] = b == '+' ? (byte) ' ' : b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] decode(String s, boolean plusIsSpace) {
        if (isPlainAscii(s, plusIsSpace)) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new InvalidPercentEncodingException("truncated percent sequence at index " + i);
                }
                int hi = hexValue(s.charAt(i + 1));
                int lo = hexValue(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new InvalidPercentEncodingException("invalid percent sequence at index " + i);
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                // Non-ASCII characters (already decoded by a lenient HTTP stack) are taken as their UTF-8 bytes.
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                byte[] chunk = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(chunk, 0, chunk.length);
                i = end - 1;
            }
        }
        return out.toByteArray();
    }

    /** Whether {@code s} decodes to itself: ASCII without {@code %} (and without {@code +} in form decoding). */
    private static boolean isPlainAscii(String s, boolean plusIsSpace) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '%' || (c == '+' && plusIsSpace)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of an ASCII hex digit, or -1. Not {@link Character#digit}: it also takes full-width and other Unicode
     * digits and letters, so two different request targets would decode to the same bytes.
     */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
