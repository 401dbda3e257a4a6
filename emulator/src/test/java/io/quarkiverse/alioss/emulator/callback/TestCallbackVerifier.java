package io.quarkiverse.alioss.emulator.callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The receiving side, written independently of the production string-to-sign code: it follows the protocol
 * reference's verifier (java.net.URLDecoder with '+' protected) so that a bug in the emulator cannot hide in both.
 */
final class TestCallbackVerifier {

    /** OSS's real callback key (callback_pub_key_v1.pem, RSA 512). */
    static final String OSS_PUBLIC_KEY_PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKs/JBGzwUB2aVht4crBx3oIPBLNsjGs\n"
            + "C0fTXv+nvlmklvkcolvpvXLTjaxUHR3W9LXxQ2EHXAJfCB+6H2YF1k8CAwEAAQ==\n"
            + "-----END PUBLIC KEY-----\n";

    private TestCallbackVerifier() {
    }

    static PublicKey publicKeyFromPem(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static boolean verify(PublicKey key, String requestTarget, byte[] body, String authorization) throws Exception {
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        String query = q < 0 ? "" : requestTarget.substring(q);
        String decodedPath = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Signature signature = Signature.getInstance("MD5withRSA");
        signature.initVerify(key);
        signature.update((decodedPath + query + "\n").getBytes(StandardCharsets.UTF_8));
        signature.update(body);
        return signature.verify(Base64.getDecoder().decode(authorization));
    }
}
