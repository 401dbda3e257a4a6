package io.quarkiverse.alioss.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything one client instance needs, already resolved: where OSS is, which bucket, how to sign, timeouts, retries
 * and upload defaults.
 *
 * @param endpoint scheme, host and port of OSS (no bucket in the host)
 * @param bucket the bucket this client works on
 * @param pathStyle {@code http://endpoint/bucket/key} instead of {@code http://bucket.endpoint/key}
 * @param signer signs every request
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long a request may stay idle (no bytes either way) before it fails
 * @param retry retry policy for repeatable requests
 * @param partSize default multipart part size
 * @param multipartThreshold default size from which {@code upload} goes multipart
 * @param parallelism default number of parts in flight
 * @param objectMapper maps callback replies
 */
public record ClientOptions(URI endpoint, String bucket, boolean pathStyle, RequestSigner signer,
        Duration connectTimeout, Duration readTimeout, RetryPolicy retry, long partSize, long multipartThreshold,
        int parallelism, ObjectMapper objectMapper) {

    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    public static final int DEFAULT_PARALLELISM = 4;

    public ClientOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(objectMapper, "objectMapper");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URI, got " + endpoint);
        }
    }

    /** Options with the default timeouts, retries and upload tuning. */
    public static ClientOptions of(URI endpoint, String bucket, boolean pathStyle, RequestSigner signer) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, Duration.ofSeconds(10), Duration.ofSeconds(60),
                RetryPolicy.DEFAULT, DEFAULT_PART_SIZE, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PARALLELISM,
                new ObjectMapper());
    }

    public ClientOptions withRetry(RetryPolicy value) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, connectTimeout, readTimeout, value, partSize,
                multipartThreshold, parallelism, objectMapper);
    }

    public ClientOptions withUploadDefaults(long newPartSize, long newThreshold, int newParallelism) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, connectTimeout, readTimeout, retry, newPartSize,
                newThreshold, newParallelism, objectMapper);
    }

    public ClientOptions withObjectMapper(ObjectMapper value) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, connectTimeout, readTimeout, retry, partSize,
                multipartThreshold, parallelism, value);
    }
}
