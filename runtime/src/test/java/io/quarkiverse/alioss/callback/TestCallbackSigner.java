package io.quarkiverse.alioss.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

import io.quarkiverse.alioss.emulator.callback.CallbackSigningKey;

/**
 * Signs callbacks the way OSS does (MD5withRSA over decoded path + raw query + LF + body) with a fresh key. The key,
 * its PEM and the RSA signature are the emulator's, so every test suite signs with one implementation that is
 * independent of the runtime's verifier.
 */
public final class TestCallbackSigner {

    private final CallbackSigningKey key = CallbackSigningKey.generate();

    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** Signs with the already-decoded path, so the test does not reuse the code under test. */
    public String sign(String decodedPathAndQuery, byte[] body) {
        ByteArrayOutputStream stringToSign = new ByteArrayOutputStream();
        stringToSign.writeBytes((decodedPathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
        stringToSign.writeBytes(body);
        return Base64.getEncoder().encodeToString(key.sign(stringToSign.toByteArray()));
    }

    public String pem() {
        return key.publicKeyPem();
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
