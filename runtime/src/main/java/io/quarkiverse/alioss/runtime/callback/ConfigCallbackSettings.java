package io.quarkiverse.alioss.runtime.callback;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;

/** {@link CallbackSettings} read from the {@code quarkus.oss.callback.*} properties. */
final class ConfigCallbackSettings implements CallbackSettings {

    private static final String PREFIX = "quarkus.oss.callback.";

    private final Config config = ConfigProvider.getConfig();

    @Override
    public List<String> baseUrls() {
        return config.getOptionalValues(PREFIX + "base-url", String.class).orElse(List.of());
    }

    @Override
    public long maxBodySize() {
        return config.getOptionalValue(PREFIX + "max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(64 * 1024L);
    }

    @Override
    public List<String> trustedKeyUrls() {
        return config.getOptionalValues(PREFIX + "trusted-key-urls", String.class).orElse(List.of());
    }

    @Override
    public Duration keyFetchTimeout() {
        return config.getOptionalValue(PREFIX + "key-fetch-timeout", Duration.class).orElse(Duration.ofSeconds(5));
    }

    @Override
    public Optional<Boolean> tokenEnabled() {
        return config.getOptionalValue(PREFIX + "token.enabled", Boolean.class);
    }

    @Override
    public Optional<String> tokenSecret() {
        return config.getOptionalValue(PREFIX + "token.secret", String.class);
    }

    @Override
    public Duration tokenTtl() {
        return config.getOptionalValue(PREFIX + "token.ttl", Duration.class).orElse(Duration.ofHours(1));
    }
}
