package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class OssCallbackSettingsResolverTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";

    private static OssCallbackSettings resolve(Map<String, String> properties) {
        return OssCallbackSettingsResolver.resolve(TestConfigs.runtime(properties).callback(), false);
    }

    private static String failureOf(Map<String, String> properties) {
        return catchThrowableOfType(ConfigurationException.class, () -> resolve(properties)).getMessage();
    }

    @Test
    void defaultsTrustOnlyTheBuiltInKeysAndDisableTheTokenWithoutSecret() {
        OssCallbackSettings settings = resolve(Map.of());

        assertThat(settings.baseUrls()).isEmpty();
        assertThat(settings.maxBodySize()).isEqualTo(64 * 1024);
        assertThat(settings.trustedKeyUrls()).containsExactlyInAnyOrder(
                "http://gosspublic.alicdn.com/callback_pub_key_v1.pem",
                "https://gosspublic.alicdn.com/callback_pub_key_v1.pem");
        assertThat(settings.keyFetchTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.tokenEnabled()).isFalse();
        assertThat(settings.tokenSecret()).isEmpty();
        assertThat(settings.tokenTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void configuredValuesAreResolved() {
        OssCallbackSettings settings = resolve(Map.of(
                "quarkus.oss.callback.base-url", "https://a.example.com, http://10.0.0.2:8080/app",
                "quarkus.oss.callback.trusted-key-urls", "http://127.0.0.1:9000/callback-key.pem",
                "quarkus.oss.callback.token.secret", SECRET));

        assertThat(settings.baseUrls()).containsExactly(URI.create("https://a.example.com"),
                URI.create("http://10.0.0.2:8080/app"));
        assertThat(settings.trustedKeyUrls()).hasSize(3).contains("http://127.0.0.1:9000/callback-key.pem");
        assertThat(settings.tokenEnabled()).as("on by default when a secret is set").isTrue();
        assertThat(settings.tokenSecret()).contains(SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void tokenCanBeSwitchedOffDespiteASecret() {
        assertThat(resolve(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.token.enabled", "false")).tokenEnabled()).isFalse();
    }

    @Test
    void baseUrlWithoutSchemeIsRefused() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.base-url", "api.example.com/oss")))
                .contains("quarkus.oss.callback.base-url: must start with http:// or https://, got 'api.example.com/oss'");
    }

    @Test
    void moreThanFiveBaseUrlsAreRefused() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.base-url",
                "http://a.example,http://b.example,http://c.example,http://d.example,http://e.example,http://f.example")))
                .contains("quarkus.oss.callback.base-url: lists 6 URLs, but OSS calls at most 5");
    }

    @Test
    void baseUrlWithAQueryIsRefused() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.base-url", "https://a.example.com/?x=1")))
                .contains("quarkus.oss.callback.base-url: must not have a query or fragment");
    }

    @Test
    void trustedKeyUrlWithoutSchemeIsRefused() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.trusted-key-urls", "keys.example.com/k.pem")))
                .contains("quarkus.oss.callback.trusted-key-urls: must start with http:// or https://");
    }

    @Test
    void nonPositiveDurationsAndSizesAreRefused() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.ttl", "0S",
                "quarkus.oss.callback.key-fetch-timeout", "-1S",
                "quarkus.oss.callback.max-body-size", "0")))
                .contains("quarkus.oss.callback.token.ttl: must be positive")
                .contains("quarkus.oss.callback.key-fetch-timeout: must be positive")
                .contains("quarkus.oss.callback.max-body-size: must be positive");
    }

    @Test
    void shortSecretIsRefusedWithoutShowingIt() {
        String message = failureOf(Map.of("quarkus.oss.callback.token.secret", "hunter2"));

        assertThat(message).contains("quarkus.oss.callback.token.secret: must be at least 32 characters long")
                .doesNotContain("hunter2");
    }

    @Test
    void enabledTokenWithoutSecretIsRefusedInProductionOnly() {
        Map<String, String> properties = Map.of("quarkus.oss.callback.token.enabled", "true");

        assertThat(failureOf(properties)).contains("quarkus.oss.callback.token.secret: is required when "
                + "quarkus.oss.callback.token.enabled is true outside dev and test mode");
        OssCallbackSettings devOrTest = OssCallbackSettingsResolver.resolve(TestConfigs.runtime(properties).callback(),
                true);
        assertThat(devOrTest.tokenEnabled()).isTrue();
        assertThat(devOrTest.tokenSecret()).isEmpty();
    }

    @Test
    void tokenIsOnByDefaultInDevAndTestModeWhereASecretIsGenerated() {
        OssCallbackSettings devOrTest = OssCallbackSettingsResolver.resolve(TestConfigs.runtime(Map.of()).callback(),
                true);
        assertThat(devOrTest.tokenEnabled()).as("on by default in dev and test").isTrue();
        assertThat(devOrTest.tokenSecret()).as("generated per start, not configured").isEmpty();

        OssCallbackSettings switchedOff = OssCallbackSettingsResolver.resolve(
                TestConfigs.runtime(Map.of("quarkus.oss.callback.token.enabled", "false")).callback(), true);
        assertThat(switchedOff.tokenEnabled()).isFalse();
    }
}
