package io.quarkiverse.alioss.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
     * The largest callback body accepted; larger callbacks are refused.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /**
     * Further public key URLs ({@code x-oss-pub-key-url}) to trust, compared exactly. The two OSS key URLs
     * {@code http://gosspublic.alicdn.com/callback_pub_key_v1.pem} and
     * {@code https://gosspublic.alicdn.com/callback_pub_key_v1.pem} are always trusted and use the key pinned in
     * the extension; any other key URL is refused without a network call.
     */
    Optional<List<String>> trustedKeyUrls();

    /**
     * How long to wait when fetching a public key from a trusted key URL.
     */
    @WithDefault("5S")
    Duration keyFetchTimeout();

    /**
     * The HMAC token that binds a callback to its name, its expiry and its custom variables.
     */
    Token token();

    /**
     * The HMAC token added to callback URLs.
     */
    @ConfigGroup
    interface Token {

        /**
         * Whether callback URLs carry a token and callbacks without a valid one are refused. Defaults to
         * {@code true} when {@code secret} is set, and always in dev and test mode, where a secret is generated per
         * start.
         */
        Optional<Boolean> enabled();

        /**
         * The HMAC secret of the token, at least 32 characters. In dev and test mode a random secret is generated per
         * start when unset; in production it is required when the token is enabled.
         */
        Optional<String> secret();

        /**
         * How long a callback token stays valid after the callback template was filled.
         */
        @WithDefault("1H")
        Duration ttl();
    }
}
