package io.quarkiverse.alioss.runtime.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC and SHA-256 helpers for the signers. {@link Mac} and {@link MessageDigest} instances are not thread safe and
 * costly to look up, so each thread keeps one of each and re-initialises it per use.
 */
final class SigningCrypto {

    static final String HMAC_SHA256 = "HmacSHA256";
    static final String HMAC_SHA1 = "HmacSHA1";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<Mac> HMAC_SHA256_MAC = ThreadLocal.withInitial(mac(HMAC_SHA256));
    private static final ThreadLocal<Mac> HMAC_SHA1_MAC = ThreadLocal.withInitial(mac(HMAC_SHA1));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    });

    private SigningCrypto() {
    }

    static byte[] hmacSha256(byte[] key, String data) {
        return hmac(HMAC_SHA256_MAC.get(), HMAC_SHA256, key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha1(String key, String data) {
        return hmac(HMAC_SHA1_MAC.get(), HMAC_SHA1, key.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return hex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >>> 4) & 0x0F];
            out[2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
        return new String(out);
    }

    private static byte[] hmac(Mac mac, String algorithm, byte[] key, byte[] data) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot initialise " + algorithm, e);
        }
        return mac.doFinal(data);
    }

    private static Supplier<Mac> mac(String algorithm) {
        return () -> {
            try {
                return Mac.getInstance(algorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is not available in this JVM", e);
            }
        };
    }
}
