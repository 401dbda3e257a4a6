package io.quarkiverse.alioss.emulator.auth;

import java.nio.charset.StandardCharsets;

/**
 * Header values as clients signed them. HTTP carries header bytes and Netty hands each byte over as one char
 * (ISO-8859-1); clients sign the UTF-8 text those bytes encode (the SDKs send {@code x-oss-meta-*} values as UTF-8),
 * so a value with bytes above 0x7F is read back as UTF-8 before it goes into a string to sign.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static String signed(String wireValue) {
        String trimmed = wireValue.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c > 0xFF) {
                // not bytes as received (set by a caller in Java): already text
                return trimmed;
            }
            if (c > 0x7F) {
                return new String(trimmed.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return trimmed;
    }
}
