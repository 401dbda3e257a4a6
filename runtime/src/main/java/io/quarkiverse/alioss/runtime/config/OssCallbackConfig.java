package io.quarkiverse.alioss.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * Upload callbacks that OSS sends to this application.
 */
@ConfigGroup
public interface OssCallbackConfig {

    /**
     * The public base URLs, with scheme, under which OSS reaches this application, for example
     * {@code https://api.example.com}; the callback route path is appended. OSS tries up to 5 URLs in order.
     */
    Optional<List<String>> baseUrl();

    /**
     * The largest callback body accepted; larger callbacks are refused with 413 and the connection is closed.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /**
     * How long a callback body may take to arrive, from the first byte the route reads. OSS sends the whole body at
     * once and gives up after 5 seconds, so a slower body is not from OSS; it is refused with 408 and the connection is
     * closed.
     */
    @WithDefault("10S")
    Duration readTimeout();

    /**
     * Further public key URLs ({@code x-oss-pub-key-url}) to trust, compared exactly, whose key is fetched on first use.
     * They must be {@code https} URLs; in dev and test mode {@code http} is also accepted for loopback hosts. The two OSS
     * key URLs {@code http://gosspublic.alicdn.com/callback_pub_key_v1.pem} and
     * {@code https://gosspublic.alicdn.com/callback_pub_key_v1.pem} are always trusted and use the key pinned in the
     * extension; any other key URL is refused without a network call.
     */
    Optional<List<String>> trustedKeyUrls();

    /**
     * Public key URLs to trust with a key given here as PEM ({@code -----BEGIN PUBLIC KEY-----}), so that nothing is
     * fetched: {@code quarkus.oss.callback.trusted-keys."https://keys.example.com/callback.pem"=<PEM>}.
     */
    @ConfigDocMapKey("key-url")
    Map<String, String> trustedKeys();

    /**
     * How long to wait when fetching a public key from a trusted key URL.
     */
    @WithDefault("5S")
    Duration keyFetchTimeout();

    /**
     * The HMAC token that binds a callback to the one upload it was issued for.
     */
    Token token();

    /**
     * Settings of one callback endpoint, keyed by its name ({@code @OssCallback(name)}, by default the method name), that
     * may differ per environment: they override the constants of the annotation, for example
     * {@code %prod.quarkus.oss.callback.endpoint."avatar".host=callbacks.example.com}.
     */
    @ConfigDocMapKey("callback-name")
    Map<String, Endpoint> endpoint();

    /** What OSS puts on the wire when it calls one endpoint. */
    @ConfigGroup
    interface Endpoint {

        /**
         * The {@code Host} header OSS sends with the callback ({@code callbackHost}), instead of the host of the callback
         * URL: a host name, optionally with {@code :port}. Overrides {@code @OssCallback(callbackHost)}.
         */
        Optional<String> host();

        /**
         * Whether OSS sends TLS SNI when it calls an {@code https} callback URL ({@code callbackSNI}); needed when the
         * receiving side serves several certificates on one address. Overrides {@code @OssCallback(sni)}.
         */
        Optional<Boolean> sni();
    }

    /**
     * The HMAC token added to callback URLs. OSS signs every callback with one key shared by all OSS customers, so the
     * OSS signature alone does not show that this application asked for the upload: the token does.
     */
    @ConfigGroup
    interface Token {

        /**
         * Whether callback URLs carry a token and callbacks without a valid one are refused. On by default. Switching it
         * off lets any OSS customer send these routes callbacks with values of their choosing: every start then logs a
         * warning.
         */
        Optional<Boolean> enabled();

        /**
         * The HMAC secret of the token, at least 32 characters, the same on every instance of the application. Required
         * in production when the application has {@code @OssCallback} methods; in dev and test mode a random secret is
         * generated per start when unset.
         */
        Optional<String> secret();

        /**
         * How long the token of an upload the application makes itself (PutObject, CompleteMultipartUpload) stays
         * valid after it was issued. Tokens of presigned URLs and PostObject forms are valid for the URL's or form's own
         * validity plus {@code margin}.
         */
        @WithDefault("15M")
        Duration ttl();

        /**
         * How long the token of a presigned URL or a PostObject form stays valid after the URL or form expires: an
         * upload that started just before the expiry may take this long to finish.
         */
        @WithDefault("15M")
        Duration margin();

        /**
         * The in-memory store of used tokens (each token is accepted once).
         */
        Memory memory();

        /**
         * The Redis store of used tokens, used when {@code quarkus.oss.callback.token.store} is {@code redis}.
         */
        Redis redis();
    }

    /** The in-memory store of used tokens. */
    @ConfigGroup
    interface Memory {

        /**
         * The most tokens remembered at once (each until it expires). When full, callbacks whose token cannot be
         * remembered are refused with 503 rather than risk accepting one twice.
         */
        @WithDefault("100000")
        int maxEntries();
    }

    /** The Redis store of used tokens. */
    @ConfigGroup
    interface Redis {

        /**
         * Put in front of every Redis key of a used token (the key is the prefix followed by the token's MAC). Give
         * applications that share a Redis database prefixes of their own.
         */
        @WithDefault("oss-cb-token:")
        String keyPrefix();

        /**
         * How long to wait for Redis to claim or release a token. OSS waits 5 seconds for the whole reply to a
         * callback; when Redis does not answer in time, the callback is refused with 503 (it is never accepted without
         * the claim).
         */
        @WithDefault("2S")
        Duration timeout();
    }
}
