package io.quarkiverse.alioss.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How OSS encrypts an object at rest ({@code x-oss-server-side-encryption}): with keys OSS manages ({@code AES256} or
 * {@code SM4}), or with a KMS key ({@code KMS}, the account's default key or a given one).
 *
 * @param algorithm {@code AES256}, {@code SM4} or {@code KMS}
 * @param kmsKeyId the KMS key ({@code x-oss-server-side-encryption-key-id}); empty for the default key, and always for
 *        keys OSS manages
 */
public record ServerSideEncryption(String algorithm, Optional<String> kmsKeyId) {

    public ServerSideEncryption {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        if (kmsKeyId.isPresent() && !algorithm.equals("KMS")) {
            throw new IllegalArgumentException("A KMS key id needs the KMS algorithm, not " + algorithm);
        }
        if (kmsKeyId.isPresent() && kmsKeyId.get().isBlank()) {
            throw new IllegalArgumentException("The KMS key id must not be blank");
        }
    }

    /** Encrypted with keys OSS manages (AES-256). */
    public static ServerSideEncryption ossManaged() {
        return new ServerSideEncryption("AES256", Optional.empty());
    }

    /** Encrypted with keys OSS manages, with the SM4 algorithm. */
    public static ServerSideEncryption ossManagedSm4() {
        return new ServerSideEncryption("SM4", Optional.empty());
    }

    /** Encrypted with the account's default KMS key. */
    public static ServerSideEncryption kms() {
        return new ServerSideEncryption("KMS", Optional.empty());
    }

    /** Encrypted with the KMS key {@code keyId}. */
    public static ServerSideEncryption kms(String keyId) {
        return new ServerSideEncryption("KMS", Optional.of(keyId));
    }
}
