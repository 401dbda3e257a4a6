package io.quarkiverse.alioss.runtime.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.alioss.credentials.OssCredentialsProvider;

/**
 * The resolved, validated settings of one OSS client, made by {@link OssClientSettingsResolver}; what the client
 * implementation consumes instead of the raw configuration.
 *
 * @param clientName {@link io.quarkiverse.alioss.OssClientName#DEFAULT} or the name of a named client
 * @param endpoint scheme, host and optional port; never a path
 * @param region plain region id; always present for {@link SignatureVersion#V4}
 * @param bucket the bucket used when an operation names none
 * @param pathStyle {@code true}: {@code endpoint/bucket/key}; {@code false}: {@code bucket.endpoint/key}
 * @param credentials asked on every request, see {@link OssCredentialsProvider}
 */
public record OssClientSettings(
        String clientName,
        URI endpoint,
        Optional<String> region,
        Optional<String> bucket,
        SignatureVersion signatureVersion,
        boolean pathStyle,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retry,
        OssCredentialsProvider credentials) {

    public OssClientSettings {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(signatureVersion, "signatureVersion");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(credentials, "credentials");
    }
}
