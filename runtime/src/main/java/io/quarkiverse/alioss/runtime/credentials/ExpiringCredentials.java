package io.quarkiverse.alioss.runtime.credentials;

import java.time.Instant;
import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;

/** Temporary credentials and the instant they stop being accepted. */
public record ExpiringCredentials(OssCredentials credentials, Instant expiration) {

    public ExpiringCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(expiration, "expiration");
    }
}
