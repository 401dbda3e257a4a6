package io.quarkiverse.alioss.runtime.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Validates {@code quarkus.oss.callback.*} and turns it into {@link OssCallbackSettings}. */
public final class OssCallbackSettingsResolver {

    /** HMAC-SHA256 keys shorter than this are guessable; 32 characters carry enough entropy when random. */
    static final int MIN_SECRET_LENGTH = 32;

    private OssCallbackSettingsResolver() {
    }

    /**
     * @param secretGeneratedWhenMissing whether a missing token secret is generated per start (dev and test mode);
     *        in production a generated secret would break tokens across restarts and instances, so one is required
     *        when the token is switched on
     * @throws ConfigurationException listing every problem of the callback section
     */
    public static OssCallbackSettings resolve(OssCallbackConfig config, boolean secretGeneratedWhenMissing) {
        ConfigProblems problems = new ConfigProblems();
        List<URI> baseUrls = baseUrls(config.baseUrl().orElse(List.of()), problems);
        Set<String> trusted = trustedKeyUrls(config.trustedKeyUrls().orElse(List.of()), problems);
        String sizeKey = OssConfigKeys.callback("max-body-size");
        long maxBodySize = config.maxBodySize().asLongValue();
        if (maxBodySize <= 0) {
            problems.add(sizeKey, "must be positive, got " + maxBodySize);
        }
        OssClientSettingsResolver.positive(config.keyFetchTimeout(), OssConfigKeys.callback("key-fetch-timeout"),
                problems);
        OssCallbackConfig.Token token = config.token();
        OssClientSettingsResolver.positive(token.ttl(), OssConfigKeys.callback("token.ttl"), problems);
        Optional<String> secret = token.secret().filter(s -> !s.isEmpty());
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            // the length of the configured secret is not shown either: it narrows a guess
            problems.add(OssConfigKeys.callback("token.secret"), "must be at least " + MIN_SECRET_LENGTH
                    + " characters long");
        }
        if (token.enabled().orElse(false) && secret.isEmpty() && !secretGeneratedWhenMissing) {
            problems.add(OssConfigKeys.callback("token.secret"), "is required when "
                    + OssConfigKeys.callback("token.enabled") + " is true outside dev and test mode");
        }
        problems.throwIfAny("Invalid configuration of OSS callbacks");
        // On by default whenever a secret exists: configured, or generated per start in dev and test mode.
        boolean tokenEnabled = token.enabled().orElse(secret.isPresent() || secretGeneratedWhenMissing);
        return new OssCallbackSettings(baseUrls, maxBodySize, trusted, config.keyFetchTimeout(),
                tokenEnabled, secret, token.ttl());
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

    private static Set<String> trustedKeyUrls(List<String> values, ConfigProblems problems) {
        Set<String> trusted = new LinkedHashSet<>(OssCallbackSettings.BUILT_IN_KEY_URLS);
        String key = OssConfigKeys.callback("trusted-key-urls");
        for (String value : values) {
            HttpUrls.parse(value.trim(), key, problems).ifPresent(uri -> trusted.add(value.trim()));
        }
        return trusted;
    }
}
