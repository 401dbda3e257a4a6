package io.quarkiverse.alioss.runtime.signing;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding exactly as OSS signatures expect it (RFC 3986): the unreserved characters {@code A-Z a-z 0-9 - . _ ~}
 * stay as they are, everything else becomes {@code %XX} (uppercase hex) of its UTF-8 bytes. A space is {@code %20},
 * never {@code +}. {@link java.net.URLEncoder} is not usable here: it produces form encoding ({@code +}, {@code *}).
 * <p>
 * Also used by the client to build request URLs, so that what is sent is byte for byte what was signed.
 */
public final class OssUriEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OssUriEncoder() {
    }

    /** Encodes a path such as {@code /bucket/dir/a b.txt}: every character is encoded except unreserved ones and {@code /}. */
    public static String encodePath(String path) {
        return encode(path, true);
    }

    /** Encodes one query parameter name or value: {@code /} is encoded too. */
    public static String encodeComponent(String value) {
        return encode(value, false);
    }

    private static String encode(String value, boolean keepSlash) {
        if (isAlreadySafe(value, keepSlash)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    // Most keys and values need no encoding at all; skip the byte[] round trip for them.
    private static boolean isAlreadySafe(String value, boolean keepSlash) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isUnreserved(c) || (keepSlash && c == '/'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
