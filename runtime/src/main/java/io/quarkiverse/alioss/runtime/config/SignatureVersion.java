package io.quarkiverse.alioss.runtime.config;

/**
 * The request signature scheme of an OSS client ({@code quarkus.oss.signature-version}; SmallRye Config reads
 * {@code v4} and {@code V4} alike).
 */
public enum SignatureVersion {
    /** HMAC-SHA1 over a canonical string, legacy. */
    V1,
    /** {@code OSS4-HMAC-SHA256} with a region-scoped signing key. */
    V4
}
