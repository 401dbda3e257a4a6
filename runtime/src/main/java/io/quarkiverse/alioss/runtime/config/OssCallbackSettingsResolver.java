package io.quarkiverse.alioss.runtime.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.runtime.callback.CallbackRules;
import io.quarkiverse.alioss.runtime.callback.verify.PublicKeys;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Validates {@code quarkus.oss.callback.*} and turns it into {@link OssCallbackSettings}. */
final class OssCallbackSettingsResolver {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.alioss");

    /** HMAC-SHA256 keys shorter than this are guessable; 32 characters carry enough entropy when random. */
    static final int MIN_SECRET_LENGTH = 32;

    private OssCallbackSettingsResolver() {
    }

    /**
     * @param devOrTest whether the application runs in dev or test mode: a missing token secret is then generated per
     *        start, and fetched key URLs may be {@code http} on loopback hosts (the emulator's)
     * @param callbackNames the names of the application's {@code @OssCallback} methods: when there are any, outside dev
     *        and test mode, the base URL and the token secret are required unless the token is switched off explicitly
     * @throws ConfigurationException listing every problem of the callback section
     */
    public static OssCallbackSettings resolve(OssCallbackConfig config, boolean devOrTest,
            Set<String> callbackNames) {
        ConfigProblems problems = new ConfigProblems();
        boolean hasCallbackEndpoints = !callbackNames.isEmpty();
        List<URI> baseUrls = baseUrls(config.baseUrl().orElse(List.of()), problems);
        if (!devOrTest && hasCallbackEndpoints) {
            requireReachableBaseUrls(baseUrls, config.baseUrl().isPresent(), problems);
        }
        Set<String> fetched = fetchedKeyUrls(config.trustedKeyUrls().orElse(List.of()), devOrTest, problems);
        Map<String, String> pinned = pinnedKeys(config.trustedKeys(), problems);
        long maxBodySize = config.maxBodySize().asLongValue();
        if (maxBodySize <= 0) {
            problems.add(OssConfigKeys.callback("max-body-size"), "must be positive, got " + maxBodySize);
        }
        OssClientOptionsResolver.positive(config.readTimeout(), OssConfigKeys.callback("read-timeout"), problems);
        OssClientOptionsResolver.positive(config.keyFetchTimeout(), OssConfigKeys.callback("key-fetch-timeout"),
                problems);
        OssCallbackSettings.Token token = token(config.token(), devOrTest, hasCallbackEndpoints, problems);
        Map<String, OssCallbackSettings.EndpointDelivery> endpoints = endpoints(config.endpoint(), callbackNames,
                problems);
        problems.throwIfAny("Invalid configuration of OSS callbacks");
        return new OssCallbackSettings(baseUrls, maxBodySize, config.readTimeout(), fetched, pinned,
                config.keyFetchTimeout(), token, endpoints);
    }

    /** A configured endpoint must exist: a misspelt name would otherwise leave the annotation's values in place. */
    private static Map<String, OssCallbackSettings.EndpointDelivery> endpoints(
            Map<String, OssCallbackConfig.Endpoint> configured, Set<String> callbackNames, ConfigProblems problems) {
        Map<String, OssCallbackSettings.EndpointDelivery> endpoints = new LinkedHashMap<>();
        configured.forEach((name, endpoint) -> {
            if (!callbackNames.contains(name)) {
                problems.add(OssConfigKeys.callbackEndpoint(name, "*"), "names no @OssCallback method; the callback"
                        + " names are " + new TreeSet<>(callbackNames));
                return;
            }
            Optional<String> host = endpoint.host().map(String::trim);
            if (host.isPresent() && !CallbackRules.isCallbackHost(host.get())) {
                problems.add(OssConfigKeys.callbackEndpoint(name, "host"), "must be a host name or IPv4 address with"
                        + " an optional :port (no scheme or path), got '" + host.get() + "'");
            }
            endpoints.put(name, new OssCallbackSettings.EndpointDelivery(host, endpoint.sni()));
        });
        return endpoints;
    }

    private static OssCallbackSettings.Token token(OssCallbackConfig.Token token, boolean devOrTest,
            boolean hasCallbackEndpoints, ConfigProblems problems) {
        OssClientOptionsResolver.positive(token.ttl(), OssConfigKeys.callback("token.ttl"), problems);
        if (token.margin().isNegative()) {
            problems.add(OssConfigKeys.callback("token.margin"), "must not be negative, got " + token.margin());
        }
        if (token.memory().maxEntries() < 1) {
            problems.add(OssConfigKeys.callback("token.memory.max-entries"), "must be positive, got "
                    + token.memory().maxEntries());
        }
        Optional<String> secret = token.secret().filter(s -> !s.isEmpty());
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            // the length of the configured secret is not shown either: it narrows a guess
            problems.add(OssConfigKeys.callback("token.secret"), "must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        boolean enabled = token.enabled().orElse(true);
        if (enabled && secret.isEmpty() && !devOrTest && (hasCallbackEndpoints || token.enabled().isPresent())) {
            problems.add(OssConfigKeys.callback("token.secret"), "is required outside dev and test mode: OSS signs"
                    + " every callback with a key shared by all OSS customers, so only this secret shows that a"
                    + " callback belongs to an upload of this application. Set it to at least " + MIN_SECRET_LENGTH
                    + " random characters, the same on every instance (or set "
                    + OssConfigKeys.callback("token.enabled") + "=false to accept callbacks anyone can forge)");
        }
        return new OssCallbackSettings.Token(enabled && (secret.isPresent() || devOrTest), secret, token.ttl(),
                token.margin(), token.memory().maxEntries());
    }

    private static List<URI> baseUrls(List<String> values, ConfigProblems problems) {
        String key = OssConfigKeys.callback("base-url");
        if (values.size() > OssCallbackSettings.MAX_BASE_URLS) {
            problems.add(key, "lists " + values.size() + " URLs, but OSS calls at most "
                    + OssCallbackSettings.MAX_BASE_URLS);
        }
        List<URI> urls = new ArrayList<>(values.size());
        for (String value : values) {
            HttpUrls.parse(value.trim(), key, problems).ifPresent(uri -> {
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    problems.add(key, "must not have a query or fragment, got '" + value + "'");
                } else {
                    urls.add(uri);
                }
            });
        }
        return urls;
    }

    /**
     * Outside dev and test mode the application's callback templates need the URL OSS calls: without it the first
     * upload would fail, so the start fails. A URL OSS cannot or should not call only warns: it may sit behind a
     * proxy that this configuration cannot see.
     */
    private static void requireReachableBaseUrls(List<URI> urls, boolean configured, ConfigProblems problems) {
        String key = OssConfigKeys.callback("base-url");
        if (!configured) {
            problems.add(key, "is required outside dev and test mode when the application has @OssCallback methods:"
                    + " it is the public URL OSS calls back (e.g. https://app.example.com); Dev Services set it only"
                    + " in dev and test mode");
            return;
        }
        for (URI url : urls) {
            if (isLoopback(url.getHost()) || isPrivateAddress(url.getHost())) {
                LOG.warnf("%s=%s is a loopback or private address: OSS does not call back to it, so uploads with a"
                        + " callback will fail with CallbackFailed (203)", key, url);
            } else if ("http".equalsIgnoreCase(url.getScheme())) {
                LOG.warnf("%s=%s is plain http: callbacks, their tokens and the methods' replies cross the internet"
                        + " unencrypted; use https", key, url);
            }
        }
    }

    /** A literal IPv4 or IPv6 address in a private, link-local or unique-local range (names are not resolved). */
    private static boolean isPrivateAddress(String host) {
        return literalAddress(host).map(address -> {
            byte[] bytes = address.getAddress();
            boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            return address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || uniqueLocalV6;
        }).orElse(false);
    }

    /** Keys fetched over the network must come over TLS; plain http only from this machine, in dev and test. */
    private static Set<String> fetchedKeyUrls(List<String> values, boolean devOrTest, ConfigProblems problems) {
        Set<String> trusted = new LinkedHashSet<>();
        String key = OssConfigKeys.callback("trusted-key-urls");
        for (String raw : values) {
            String value = raw.trim();
            HttpUrls.parse(value, key, problems).ifPresent(uri -> {
                boolean https = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
                if (uri.getRawUserInfo() != null) {
                    problems.add(key, "must not contain user information, got '" + value + "'");
                } else if (!https && !(devOrTest && isLoopback(uri.getHost()))) {
                    problems.add(key, "must be an https URL, got '" + value + "': a key fetched over plain http"
                            + " can be replaced on the way (http is accepted only for loopback hosts in dev and test"
                            + " mode; to trust a key without fetching it, use "
                            + OssConfigKeys.callback("trusted-keys") + "...)");
                } else {
                    trusted.add(value);
                }
            });
        }
        return trusted;
    }

    private static Map<String, String> pinnedKeys(Map<String, String> values, ConfigProblems problems) {
        Map<String, String> pinned = new LinkedHashMap<>();
        values.forEach((url, pem) -> {
            String key = OssConfigKeys.callbackTrustedKey(url);
            HttpUrls.parse(url.trim(), key, problems).ifPresent(uri -> {
                try {
                    PublicKeys.parsePem(pem);
                    pinned.put(url.trim(), pem);
                } catch (IllegalArgumentException e) {
                    problems.add(key, "is not a PEM public key: " + e.getMessage());
                }
            });
        });
        return pinned;
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || literalAddress(host).map(InetAddress::isLoopbackAddress)
                .orElse(false);
    }

    /** The address a literal IP host names; empty for a name, which would need a DNS lookup that may change later. */
    private static Optional<InetAddress> literalAddress(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
