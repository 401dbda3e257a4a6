package io.quarkiverse.alioss.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.config.OssClientSettings;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.config.SignatureVersion;
import io.quarkiverse.alioss.runtime.signing.OssRequestSigner;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;

/**
 * Everything one client instance needs, already resolved: where OSS is, which bucket, how to sign, timeouts, retries
 * and upload defaults.
 *
 * @param endpoint scheme, host and port of OSS (no bucket in the host)
 * @param bucket the bucket this client works on
 * @param pathStyle {@code http://endpoint/bucket/key} instead of {@code http://bucket.endpoint/key}
 * @param signer signs every request (V4 or V1)
 * @param credentials asked on every request
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long a request may stay idle (no bytes either way) before it fails
 * @param retry retry strategy for repeatable requests
 * @param partSize default multipart part size
 * @param multipartThreshold default size from which {@code upload} goes multipart
 * @param parallelism default number of parts in flight
 * @param objectMapper maps callback replies
 */
public record ClientOptions(URI endpoint, String bucket, boolean pathStyle, OssRequestSigner signer,
        OssCredentialsProvider credentials, Duration connectTimeout, Duration readTimeout, RetryStrategy retry,
        long partSize, long multipartThreshold, int parallelism, ObjectMapper objectMapper) {

    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    public static final int DEFAULT_PARALLELISM = 4;

    public ClientOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(objectMapper, "objectMapper");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URI, got " + endpoint);
        }
    }

    /** Options with the default timeouts, retries and upload tuning. */
    public static ClientOptions of(URI endpoint, String bucket, boolean pathStyle, OssRequestSigner signer,
            OssCredentialsProvider credentials) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, Duration.ofSeconds(10),
                Duration.ofSeconds(60), RetryStrategy.DEFAULT, DEFAULT_PART_SIZE, DEFAULT_MULTIPART_THRESHOLD,
                DEFAULT_PARALLELISM, new ObjectMapper());
    }

    /** The options of a configured client ({@code quarkus.oss.*} or {@code quarkus.oss."name".*}). */
    public static ClientOptions of(OssClientSettings settings, ObjectMapper objectMapper) {
        String bucket = settings.bucket().orElseThrow(() -> new IllegalStateException(
                "No bucket for " + OssConfigKeys.describeClient(settings.clientName()) + ": set "
                        + OssConfigKeys.client(settings.clientName(), "bucket")));
        OssRequestSigner signer = settings.signatureVersion() == SignatureVersion.V4
                ? new OssV4Signer(settings.region().orElseThrow(() -> new IllegalStateException(
                        "No region for " + OssConfigKeys.describeClient(settings.clientName())
                                + ", which signs with V4: set " + OssConfigKeys.client(settings.clientName(), "region"))))
                : new OssV1Signer();
        return new ClientOptions(settings.endpoint(), bucket, settings.pathStyle(), signer, settings.credentials(),
                settings.connectTimeout(), settings.readTimeout(), RetryStrategy.of(settings.retry()),
                DEFAULT_PART_SIZE, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PARALLELISM, objectMapper);
    }

    public ClientOptions withRetry(RetryStrategy value) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout, value,
                partSize, multipartThreshold, parallelism, objectMapper);
    }

    public ClientOptions withUploadDefaults(long newPartSize, long newThreshold, int newParallelism) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout, retry,
                newPartSize, newThreshold, newParallelism, objectMapper);
    }

    public ClientOptions withObjectMapper(ObjectMapper value) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout, retry,
                partSize, multipartThreshold, parallelism, value);
    }

}
