package io.quarkiverse.alioss.emulator.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The OSS callback string to sign: percent-decoded path + raw query (with its {@code ?}, only when there is a query) +
 * "\n" + body bytes (protocol reference, section 3.4).
 */
final class CallbackStringToSign {

    private CallbackStringToSign() {
    }

    static byte[] of(String requestTarget, byte[] body) {
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        String query = q < 0 ? "" : requestTarget.substring(q);
        ByteArrayOutputStream out = new ByteArrayOutputStream(path.length() + query.length() + 1 + body.length);
        out.writeBytes(percentDecode(path));
        out.writeBytes(query.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** RFC 3986 percent-decoding to bytes: {@code +} stays {@code +}; a malformed escape is kept as text. */
    static byte[] percentDecode(String path) {
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
