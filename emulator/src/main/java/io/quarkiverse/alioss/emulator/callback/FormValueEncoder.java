package io.quarkiverse.alioss.emulator.callback;

import java.nio.charset.StandardCharsets;

/**
 * The single place that decides how a variable value is escaped in an {@code application/x-www-form-urlencoded}
 * callback body.
 * <p>
 * Established by genuine OSS bodies: {@code /} becomes {@code %2F} (uppercase hex); letters, digits, {@code .},
 * {@code -}, {@code _} stay literal. Our choice for what no artefact shows: the RFC 3986 unreserved set stays literal
 * (so {@code ~} too), everything else, including space ({@code %20}, never {@code +}) and {@code *}, becomes
 * {@code %XX} of its UTF-8 bytes.
 */
final class FormValueEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormValueEncoder() {
    }

    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isLiteral(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isLiteral(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
