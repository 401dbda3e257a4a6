package io.quarkiverse.alioss.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * The harness's stand-in for OSS's callback key: RSA with 512 bits, like the real key, so that verifying costs what
 * it costs in production. The applications trust its public half under the harness's key URL.
 */
final class SigningKey {

    private final KeyPair pair;
    private final ThreadLocal<Signature> signers;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
        this.signers = ThreadLocal.withInitial(this::newSigner);
    }

    static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(512);
            return new SigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Signs as OSS does: MD5withRSA over the decoded path, the raw query, a newline and the body; Base64. */
    String sign(String decodedPathAndQuery, byte[] body) {
        try {
            Signature signer = signers.get();
            signer.update(decodedPathAndQuery.getBytes(StandardCharsets.UTF_8));
            signer.update((byte) '\n');
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Signature newSigner() {
        try {
            Signature signer = Signature.getInstance("MD5withRSA");
            signer.initSign(pair.getPrivate());
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
