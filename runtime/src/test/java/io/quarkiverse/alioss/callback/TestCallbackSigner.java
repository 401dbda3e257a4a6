package io.quarkiverse.alioss.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Signs callbacks the way OSS does (MD5withRSA over decoded path + raw query + LF + body) with a test key. */
public final class TestCallbackSigner {

    public final KeyPair keyPair;

    public TestCallbackSigner() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with the already-decoded path, so the test does not reuse the code under test. */
    public String sign(String decodedPathAndQuery, byte[] body) {
        try {
            Signature signature = Signature.getInstance("MD5withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update((decodedPathAndQuery + "\n").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keyPair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
