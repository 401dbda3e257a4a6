package io.quarkiverse.alioss.runtime.config;

import java.util.Optional;

/** The request signature scheme of an OSS client. */
public enum SignatureVersion {
    /** HMAC-SHA1 over a canonical string, legacy. */
    V1,
    /** {@code OSS4-HMAC-SHA256} with a region-scoped signing key. */
    V4;

    /** Parses {@code v1} / {@code v4}, ignoring case. */
    public static Optional<SignatureVersion> parse(String value) {
        for (SignatureVersion version : values()) {
            if (version.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
