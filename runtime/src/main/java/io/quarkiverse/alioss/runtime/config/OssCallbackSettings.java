package io.quarkiverse.alioss.runtime.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.alioss.callback.OssCallbackSpec;

/**
 * The resolved, validated {@code quarkus.oss.callback.*} settings, shared by all clients and callback endpoints.
 *
 * @param baseUrls at most 5, in the order OSS tries them; empty when none is configured
 * @param fetchedKeyUrls the configured key URLs whose key is fetched on first use (the built-in OSS URLs are not
 *        listed: they are always trusted with the pinned key)
 * @param pinnedKeys configured key URLs with the PEM of their key; nothing is fetched for them
 * @param token the callback token
 * @param endpoints per callback name, what configuration says OSS sends instead of the annotation's constants
 */
public record OssCallbackSettings(
        List<URI> baseUrls,
        long maxBodySize,
        Duration readTimeout,
        Set<String> fetchedKeyUrls,
        Map<String, String> pinnedKeys,
        Duration keyFetchTimeout,
        Token token,
        Map<String, EndpointDelivery> endpoints) {

    /** OSS calls at most this many callback URLs. */
    public static final int MAX_BASE_URLS = OssCallbackSpec.MAX_URLS;

    public OssCallbackSettings {
        baseUrls = List.copyOf(baseUrls);
        fetchedKeyUrls = Set.copyOf(fetchedKeyUrls);
        pinnedKeys = Map.copyOf(pinnedKeys);
        endpoints = Map.copyOf(endpoints);
    }

    /** What configuration says about one endpoint; empty where the annotation decides. */
    public EndpointDelivery endpoint(String callbackName) {
        return endpoints.getOrDefault(callbackName, EndpointDelivery.NONE);
    }

    /**
     * @param host {@code callbackHost}, when configured for the endpoint
     * @param sni {@code callbackSNI}, when configured for the endpoint
     */
    public record EndpointDelivery(Optional<String> host, Optional<Boolean> sni) {

        public static final EndpointDelivery NONE = new EndpointDelivery(Optional.empty(), Optional.empty());
    }

    /**
     * @param enabled whether callback URLs carry a token and the routes require it
     * @param secret empty when none is configured (dev and test generate one per start)
     * @param ttl lifetime of the token of an upload the application makes itself
     * @param margin added to the validity of a presigned URL or PostObject form for its token's lifetime
     * @param memoryMaxEntries capacity of the in-memory store of used tokens
     */
    public record Token(boolean enabled, Optional<String> secret, Duration ttl, Duration margin,
            int memoryMaxEntries) {

        @Override
        public String toString() {
            return "Token[enabled=" + enabled + ", secret=" + (secret.isPresent() ? "***" : "<none>") + ", ttl=" + ttl
                    + ", margin=" + margin + ", memoryMaxEntries=" + memoryMaxEntries + "]";
        }
    }
}
