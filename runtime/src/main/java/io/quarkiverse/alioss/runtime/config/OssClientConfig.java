package io.quarkiverse.alioss.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * Configuration of one OSS client.
 */
@ConfigGroup
public interface OssClientConfig {

    /**
     * The OSS endpoint, with scheme, for example {@code https://oss-cn-hangzhou.aliyuncs.com}, or
     * {@code http://127.0.0.1:9000} for a local emulator. May be left unset in dev and test mode, where Dev Services
     * supplies it.
     */
    Optional<String> endpoint();

    /**
     * The region id, for example {@code cn-hangzhou} (not {@code oss-cn-hangzhou}). Required for signature V4.
     */
    Optional<String> region();

    /**
     * The bucket operations use when they do not name one.
     */
    Optional<String> bucket();

    /**
     * The request signature version: {@code v4} ({@code OSS4-HMAC-SHA256}) or {@code v1} (HMAC-SHA1, legacy), in any
     * letter case.
     */
    @WithDefault("v4")
    SignatureVersion signatureVersion();

    /**
     * Addressing style: {@code auto} uses path-style ({@code http://endpoint/bucket/key}) when the endpoint host is an
     * IP literal, {@code localhost} or a {@code *.localhost} name, and virtual-hosted style
     * ({@code https://bucket.endpoint/key}) otherwise; {@code true} or {@code false} force path-style on or off.
     */
    @WithDefault("auto")
    PathStyle pathStyle();

    /**
     * How long to wait for a connection to OSS.
     */
    @WithDefault("10S")
    Duration connectTimeout();

    /**
     * How long to wait for OSS to answer a request once it is sent (idle time between received data).
     */
    @WithDefault("60S")
    Duration readTimeout();

    /**
     * The longest a call of the blocking {@code OssClient} waits for its result, retries included, for calls that do not
     * move an object's content (head, delete, copy, list, multipart bookkeeping, opening a stream). When it passes, the
     * request is cancelled and the call throws an {@code OssException} with code {@code ClientTimeout}.
     */
    @WithDefault("60S")
    Duration blockingTimeout();

    /**
     * The longest a call of the blocking {@code OssClient} that moves an object's content waits, retries included:
     * {@code putObject}, {@code getObject}, {@code uploadPart} and {@code upload}. Its time grows with the size, so it
     * has its own, larger bound; a multipart upload cut short by it is aborted.
     */
    @WithDefault("1H")
    Duration blockingTransferTimeout();

    /**
     * The endpoint is a custom domain (CNAME) bound to the bucket, such as {@code https://files.example.com}: requests
     * go to {@code https://files.example.com/key}, without the bucket in host or path (it is still signed). Needs the
     * bucket to be set; cannot be combined with {@code path-style=true}.
     */
    @WithDefault("false")
    boolean cname();

    /**
     * The name of a TLS configuration of the Quarkus TLS registry ({@code quarkus.tls."name".*}) whose trust store (and
     * key store, for client certificates) HTTPS connections to the endpoint use, e.g. for a private cloud's CA. By
     * default the JVM's trust store.
     */
    Optional<String> tlsConfigurationName();

    /**
     * An HTTP proxy requests go through.
     */
    Proxy proxy();

    /**
     * Retries of failed requests.
     */
    Retry retry();

    /** An HTTP proxy between the client and OSS. */
    @ConfigGroup
    interface Proxy {

        /**
         * The proxy as {@code host:port}; no proxy when not set.
         */
        Optional<String> address();

        /**
         * The user name for proxy authentication ({@code Proxy-Authorization: Basic}).
         */
        Optional<String> username();

        /**
         * The password for proxy authentication.
         */
        Optional<String> password();

        /**
         * Hosts reached without the proxy; {@code *} stands for any characters, e.g. {@code *.internal}.
         */
        Optional<List<String>> nonProxyHosts();
    }

    /**
     * The credentials requests are signed with.
     */
    OssCredentialsConfig credentials();

    /**
     * Defaults of the high-level {@code upload}; {@code UploadOptions} overrides them per call.
     */
    Upload upload();

    /** Defaults of the high-level {@code upload}. */
    @ConfigGroup
    interface Upload {

        /**
         * The size of each part of a multipart upload (the last may be smaller); at least 100K, OSS's smallest part. A
         * file too large for 10000 parts of this size gets larger parts.
         */
        @WithDefault("8M")
        MemorySize partSize();

        /**
         * Files and streams larger than this are uploaded in parts, smaller ones with one PutObject.
         */
        @WithDefault("16M")
        MemorySize multipartThreshold();

        /**
         * How many parts are sent at the same time; memory use grows with it (at most parallelism + 2 parts of a stream
         * are held at once).
         */
        @WithDefault("4")
        int parallelism();
    }

    /**
     * Retries of requests that failed with a network error, a throttling answer or a server error.
     */
    @ConfigGroup
    interface Retry {

        /**
         * How many times a request is sent at most, the first attempt included; {@code 1} disables retries.
         */
        @WithDefault("3")
        int maxAttempts();

        /**
         * Wait before the first retry; it doubles with every further retry, up to {@code max-backoff}.
         */
        @WithDefault("200MS")
        Duration initialBackoff();

        /**
         * The longest wait between two attempts.
         */
        @WithDefault("5S")
        Duration maxBackoff();
    }
}
