package io.quarkiverse.alioss.emulator.callback;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The emulator's own RSA callback key (PKCS#1 v1.5 with MD5, as OSS), and the PEM to serve at its key URL.
 * A fresh 1024-bit key per emulator instance: fast to generate in tests, and stronger than OSS's own 512-bit key.
 */
public final class CallbackSigningKey {

    static final int DEFAULT_BITS = 1024;

    private final KeyPair keyPair;

    private CallbackSigningKey(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static CallbackSigningKey generate() {
        return generate(DEFAULT_BITS);
    }

    public static CallbackSigningKey generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return new CallbackSigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the emulator's RSA callback key of " + bits + " bits", e);
        }
    }

    /** "-----BEGIN PUBLIC KEY-----..." X.509 SubjectPublicKeyInfo, 64-character lines. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(keyPair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** MD5withRSA over the whole string to sign. */
    public byte[] sign(byte[] stringToSign) {
        try {
            Signature signature = Signature.getInstance("MD5withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(stringToSign);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the callback request with MD5withRSA", e);
        }
    }
}
