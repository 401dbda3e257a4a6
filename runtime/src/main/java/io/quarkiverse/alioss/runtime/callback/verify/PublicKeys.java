package io.quarkiverse.alioss.runtime.callback.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Parses RSA public keys in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo), the format OSS and
 * OSS emulators publish at their key URLs.
 */
public final class PublicKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeys() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the PEM text */
    public static PublicKey parsePem(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("public key PEM is null");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("public key PEM must contain '" + BEGIN + "' ... '" + END + "'");
        }
        String base64 = pem.substring(begin + BEGIN.length(), end);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key PEM body is not Base64: " + e.getMessage(), e);
        }
        return fromDer(der);
    }

    public static PublicKey fromDer(byte[] der) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("public key is not an RSA SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
    }
}
