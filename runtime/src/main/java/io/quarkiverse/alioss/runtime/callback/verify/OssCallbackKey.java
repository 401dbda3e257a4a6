package io.quarkiverse.alioss.runtime.callback.verify;

import java.security.PublicKey;
import java.util.List;

/**
 * The real OSS callback signing key ({@code callback_pub_key_v1.pem}), pinned so that verifying genuine OSS callbacks
 * never needs a network fetch. The key has not changed since OSS introduced callbacks; a test checks its SHA-256.
 */
public final class OssCallbackKey {

    /** RSA-512, e = 65537; DER SHA-256 a1f54d0fb9263a14276c9e890f99cdeae986265b3985e6b1aa4603631c5bc9cf. */
    public static final String PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKs/JBGzwUB2aVht4crBx3oIPBLNsjGs\n"
            + "C0fTXv+nvlmklvkcolvpvXLTjaxUHR3W9LXxQ2EHXAJfCB+6H2YF1k8CAwEAAQ==\n"
            + "-----END PUBLIC KEY-----\n";

    /** The exact key URLs OSS puts (Base64-encoded) into {@code x-oss-pub-key-url}. */
    public static final List<String> URLS = List.of(
            "http://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com/callback_pub_key_v1.pem");

    private static final PublicKey KEY = PublicKeys.parsePem(PEM);

    private OssCallbackKey() {
    }

    public static PublicKey publicKey() {
        return KEY;
    }
}
