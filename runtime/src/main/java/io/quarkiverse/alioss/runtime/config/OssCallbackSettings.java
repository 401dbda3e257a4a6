package io.quarkiverse.alioss.runtime.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved, validated {@code quarkus.oss.callback.*} settings, shared by all clients and callback endpoints.
 *
 * @param baseUrls at most 5, in the order OSS tries them; empty when none is configured
 * @param trustedKeyUrls the two built-in OSS key URLs plus the configured ones, compared exactly
 * @param tokenSecret empty when none is configured (dev/test generate one per start)
 */
public record OssCallbackSettings(
        List<URI> baseUrls,
        long maxBodySize,
        Set<String> trustedKeyUrls,
        Duration keyFetchTimeout,
        boolean tokenEnabled,
        Optional<String> tokenSecret,
        Duration tokenTtl) {

    /** The key URLs OSS itself uses; always trusted, answered with the key pinned in the runtime. */
    public static final List<String> BUILT_IN_KEY_URLS = List.of(
            "http://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com/callback_pub_key_v1.pem");

    /** OSS calls at most this many callback URLs. */
    public static final int MAX_BASE_URLS = 5;

    public OssCallbackSettings {
        baseUrls = List.copyOf(baseUrls);
        trustedKeyUrls = Set.copyOf(trustedKeyUrls);
    }

    @Override
    public String toString() {
        return "OssCallbackSettings[baseUrls=" + baseUrls + ", maxBodySize=" + maxBodySize + ", trustedKeyUrls="
                + trustedKeyUrls + ", keyFetchTimeout=" + keyFetchTimeout + ", tokenEnabled=" + tokenEnabled
                + ", tokenSecret=" + (tokenSecret.isPresent() ? "***" : "<none>") + ", tokenTtl=" + tokenTtl + "]";
    }
}
