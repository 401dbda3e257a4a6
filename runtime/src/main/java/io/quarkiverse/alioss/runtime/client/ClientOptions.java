package io.quarkiverse.alioss.runtime.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.signing.OssRequestSigner;

/**
 * The settings of one client, in the one shape both a configured client ({@code quarkus.oss.*}, resolved and validated
 * by {@link io.quarkiverse.alioss.runtime.config.OssClientOptionsResolver}) and a client built in code
 * ({@link #of(URI, String, boolean, OssRequestSigner, OssCredentialsProvider)}) are made from.
 *
 * @param endpoint scheme, host and port of OSS (no bucket in the host, no path)
 * @param bucket the bucket the client works on; a configured client may leave it unset, it then cannot be created
 * @param pathStyle {@code http://endpoint/bucket/key} instead of {@code http://bucket.endpoint/key}
 * @param signer signs every request (V4 or V1)
 * @param credentials asked on every request attempt, never on an event loop, see {@link OssCredentialsProvider};
 *        temporary ones ({@code TemporaryCredentialsProvider}) are cached and refreshed by the client
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long a request may stay idle (no bytes either way) before it fails
 * @param blockingTimeout how long a blocking call that moves no object content waits, retries included
 * @param blockingTransferTimeout how long a blocking call that moves object content waits, retries included
 * @param retry retry strategy for repeatable requests
 * @param partSize default multipart part size
 * @param multipartThreshold default size from which {@code upload} goes multipart
 * @param parallelism default number of parts in flight
 * @param customDomain the endpoint is a custom domain (CNAME) bound to the bucket: {@code https://endpoint/key}, with
 *        the bucket still signed
 * @param network how connections are made: proxy and TLS
 */
public record ClientOptions(URI endpoint, Optional<String> bucket, boolean pathStyle, OssRequestSigner signer,
        OssCredentialsProvider credentials, Duration connectTimeout, Duration readTimeout, Duration blockingTimeout,
        Duration blockingTransferTimeout, RetryStrategy retry, long partSize, long multipartThreshold, int parallelism,
        boolean customDomain, NetworkOptions network) {

    /** The documented default of {@code quarkus.oss.connect-timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The documented default of {@code quarkus.oss.read-timeout}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** The documented default of {@code quarkus.oss.blocking-timeout}. */
    public static final Duration DEFAULT_BLOCKING_TIMEOUT = Duration.ofSeconds(60);
    /** The documented default of {@code quarkus.oss.blocking-transfer-timeout}. */
    public static final Duration DEFAULT_BLOCKING_TRANSFER_TIMEOUT = Duration.ofHours(1);
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    public static final int DEFAULT_PARALLELISM = 4;

    public ClientOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(blockingTimeout, "blockingTimeout");
        Objects.requireNonNull(blockingTransferTimeout, "blockingTransferTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(network, "network");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URI, got " + endpoint);
        }
    }

    /** Options for a client built in code, with the same defaults as a configured client. */
    public static ClientOptions of(URI endpoint, String bucket, boolean pathStyle, OssRequestSigner signer,
            OssCredentialsProvider credentials) {
        return new ClientOptions(endpoint, Optional.of(bucket), pathStyle, signer, credentials,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_BLOCKING_TIMEOUT,
                DEFAULT_BLOCKING_TRANSFER_TIMEOUT, RetryStrategy.DEFAULT, DEFAULT_PART_SIZE,
                DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PARALLELISM, false, NetworkOptions.DIRECT);
    }

    /**
     * @return these options, when they name a bucket
     * @throws IllegalStateException naming the key to set for the configured client {@code clientName}
     */
    public ClientOptions requireBucket(String clientName) {
        if (bucket.isEmpty()) {
            throw new IllegalStateException("No bucket for " + OssConfigKeys.describeClient(clientName) + ": set "
                    + OssConfigKeys.client(clientName, "bucket"));
        }
        return this;
    }

    public ClientOptions withRetry(RetryStrategy value) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout,
                blockingTimeout, blockingTransferTimeout, value, partSize, multipartThreshold, parallelism, customDomain,
                network);
    }

    public ClientOptions withUploadDefaults(long newPartSize, long newThreshold, int newParallelism) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout,
                blockingTimeout, blockingTransferTimeout, retry, newPartSize, newThreshold, newParallelism, customDomain,
                network);
    }

    /** These options for a custom domain (CNAME) endpoint bound to the bucket. */
    public ClientOptions withCustomDomain() {
        return new ClientOptions(endpoint, bucket, false, signer, credentials, connectTimeout, readTimeout,
                blockingTimeout, blockingTransferTimeout, retry, partSize, multipartThreshold, parallelism, true,
                network);
    }

    public ClientOptions withNetwork(NetworkOptions value) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout,
                blockingTimeout, blockingTransferTimeout, retry, partSize, multipartThreshold, parallelism, customDomain,
                value);
    }

    public ClientOptions withBlockingTimeouts(Duration call, Duration transfer) {
        return new ClientOptions(endpoint, bucket, pathStyle, signer, credentials, connectTimeout, readTimeout, call,
                transfer, retry, partSize, multipartThreshold, parallelism, customDomain, network);
    }
}
