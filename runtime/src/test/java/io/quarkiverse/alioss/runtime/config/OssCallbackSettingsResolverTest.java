package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class OssCallbackSettingsResolverTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKs/JBGzwUB2aVht4crBx3oIPBLNsjGs\n"
            + "C0fTXv+nvlmklvkcolvpvXLTjaxUHR3W9LXxQ2EHXAJfCB+6H2YF1k8CAwEAAQ==\n"
            + "-----END PUBLIC KEY-----\n";

    /** The names of the application's @OssCallback methods. */
    private static final Set<String> CALLBACKS = Set.of("avatar", "invoice");

    /** Production, with @OssCallback methods. */
    private static OssCallbackSettings resolve(Map<String, String> properties) {
        return OssCallbackSettingsResolver.resolve(TestConfigs.runtime(properties).callback(), false, CALLBACKS);
    }

    private static String failureOf(Map<String, String> properties) {
        return catchThrowableOfType(ConfigurationException.class, () -> resolve(properties)).getMessage();
    }

    @Test
    void defaultsWithASecret() {
        OssCallbackSettings settings = OssCallbackSettingsResolver.resolve(
                TestConfigs.runtime(Map.of("quarkus.oss.callback.token.secret", SECRET)).callback(), false, Set.of());

        assertThat(settings.baseUrls()).isEmpty();
        assertThat(settings.maxBodySize()).isEqualTo(64 * 1024);
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.fetchedKeyUrls()).isEmpty();
        assertThat(settings.pinnedKeys()).isEmpty();
        assertThat(settings.keyFetchTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.token().enabled()).isTrue();
        assertThat(settings.token().secret()).contains(SECRET);
        assertThat(settings.token().ttl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.token().margin()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.token().memoryMaxEntries()).isEqualTo(100_000);
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void configuredValuesAreResolved() {
        OssCallbackSettings settings = resolve(Map.of(
                "quarkus.oss.callback.base-url", "https://a.example.com, http://10.0.0.2:8080/app",
                "quarkus.oss.callback.trusted-key-urls", "https://keys.example.com/callback-key.pem",
                "quarkus.oss.callback.trusted-keys.\"http://keys.internal/k.pem\"", PEM,
                "quarkus.oss.callback.token.secret", SECRET));

        assertThat(settings.baseUrls()).containsExactly(URI.create("https://a.example.com"),
                URI.create("http://10.0.0.2:8080/app"));
        assertThat(settings.fetchedKeyUrls()).containsExactly("https://keys.example.com/callback-key.pem");
        assertThat(settings.pinnedKeys()).containsExactly(Map.entry("http://keys.internal/k.pem", PEM));
    }

    /** The reason the token exists: without it, any OSS customer can forge these callbacks. */
    @Test
    void productionWithCallbackMethodsRequiresASecret() {
        assertThat(failureOf(Map.of())).contains("quarkus.oss.callback.token.secret: is required outside dev and"
                + " test mode").contains("quarkus.oss.callback.token.enabled=false");
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.enabled", "true")))
                .contains("quarkus.oss.callback.token.secret: is required");
    }

    @Test
    void tokenCanBeSwitchedOffOnlyExplicitly() {
        OssCallbackSettings off = resolve(Map.of("quarkus.oss.callback.token.enabled", "false",
                "quarkus.oss.callback.base-url", "https://app.example.com"));
        assertThat(off.token().enabled()).isFalse();
        assertThat(resolve(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.base-url", "https://app.example.com",
                "quarkus.oss.callback.token.enabled", "false")).token().enabled()).isFalse();
    }

    /** Without it the templates have no URL for OSS to call: the start fails instead of the first upload. */
    @Test
    void productionWithCallbackMethodsRequiresABaseUrl() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.secret", SECRET)))
                .contains("quarkus.oss.callback.base-url: is required outside dev and test mode");
        assertThat(OssCallbackSettingsResolver.resolve(TestConfigs.runtime(Map.of()).callback(), true, CALLBACKS)
                .baseUrls()).as("dev and test mode: Dev Services set it").isEmpty();
    }

    @Test
    void withoutCallbackMethodsNoSecretIsNeeded() {
        OssCallbackSettings settings = OssCallbackSettingsResolver.resolve(TestConfigs.runtime(Map.of()).callback(), false,
                Set.of());
        assertThat(settings.token().enabled()).isFalse();
    }

    @Test
    void tokenIsOnInDevAndTestModeWhereASecretIsGenerated() {
        OssCallbackSettings devOrTest = OssCallbackSettingsResolver.resolve(TestConfigs.runtime(Map.of()).callback(), true,
                CALLBACKS);
        assertThat(devOrTest.token().enabled()).as("on by default in dev and test").isTrue();
        assertThat(devOrTest.token().secret()).as("generated per start, not configured").isEmpty();

        OssCallbackSettings switchedOff = OssCallbackSettingsResolver.resolve(
                TestConfigs.runtime(Map.of("quarkus.oss.callback.token.enabled", "false")).callback(), true, CALLBACKS);
        assertThat(switchedOff.token().enabled()).isFalse();
    }

    @Test
    void fetchedKeyUrlsMustBeHttpsOutsideLoopbackInDevAndTest() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.trusted-key-urls", "http://keys.example.com/k.pem")))
                .contains("quarkus.oss.callback.trusted-key-urls: must be an https URL, got"
                        + " 'http://keys.example.com/k.pem'");
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.trusted-key-urls", "http://127.0.0.1:9000/k.pem")))
                .as("loopback http is for the emulator in dev and test only").contains("must be an https URL");

        OssCallbackSettings devOrTest = OssCallbackSettingsResolver.resolve(TestConfigs.runtime(Map.of(
                "quarkus.oss.callback.trusted-key-urls", "http://127.0.0.1:9000/k.pem,http://localhost:9/k.pem,"
                        + "http://[::1]:9/k.pem"))
                .callback(), true, CALLBACKS);
        assertThat(devOrTest.fetchedKeyUrls()).hasSize(3);
        String devFailure = catchThrowableOfType(ConfigurationException.class,
                () -> OssCallbackSettingsResolver.resolve(TestConfigs.runtime(Map.of(
                        "quarkus.oss.callback.trusted-key-urls",
                        "http://10.0.0.3/k.pem,http://localhost.attacker.example/k.pem"))
                        .callback(), true, CALLBACKS))
                .getMessage();
        assertThat(devFailure).contains("'http://10.0.0.3/k.pem'", "'http://localhost.attacker.example/k.pem'");
    }

    @Test
    void pinnedKeysMustBePem() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.trusted-keys.\"https://keys.example.com/k.pem\"", "not a key")))
                .contains("quarkus.oss.callback.trusted-keys.\"https://keys.example.com/k.pem\": is not a PEM public"
                        + " key");
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
                "quarkus.oss.callback.read-timeout", "0S",
                "quarkus.oss.callback.token.memory.max-entries", "0",
                "quarkus.oss.callback.max-body-size", "0")))
                .contains("quarkus.oss.callback.token.ttl: must be positive")
                .contains("quarkus.oss.callback.key-fetch-timeout: must be positive")
                .contains("quarkus.oss.callback.read-timeout: must be positive")
                .contains("quarkus.oss.callback.token.memory.max-entries: must be positive")
                .contains("quarkus.oss.callback.max-body-size: must be positive");
    }

    @Test
    void shortSecretIsRefusedWithoutShowingIt() {
        String message = failureOf(Map.of("quarkus.oss.callback.token.secret", "hunter2"));

        assertThat(message).contains("quarkus.oss.callback.token.secret: must be at least 32 characters long")
                .doesNotContain("hunter2");
    }

    @Test
    void endpointHostAndSniComeFromConfigurationPerCallbackName() {
        OssCallbackSettings settings = resolve(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.base-url", "https://app.example.com",
                "quarkus.oss.callback.endpoint.avatar.host", "callbacks.example.com:8443",
                "quarkus.oss.callback.endpoint.avatar.sni", "true",
                "quarkus.oss.callback.endpoint.invoice.sni", "false"));

        assertThat(settings.endpoint("avatar"))
                .isEqualTo(new OssCallbackSettings.EndpointDelivery(Optional.of("callbacks.example.com:8443"),
                        Optional.of(true)));
        assertThat(settings.endpoint("invoice").host()).as("not configured: the annotation decides").isEmpty();
        assertThat(settings.endpoint("invoice").sni()).contains(false);
        assertThat(settings.endpoint("other")).isEqualTo(OssCallbackSettings.EndpointDelivery.NONE);
    }

    @Test
    void endpointOfNoCallbackMethodIsRefusedNamingTheKnownNames() {
        assertThat(failureOf(Map.of("quarkus.oss.callback.token.secret", SECRET,
                "quarkus.oss.callback.base-url", "https://app.example.com",
                "quarkus.oss.callback.endpoint.avatr.host", "callbacks.example.com")))
                .contains("quarkus.oss.callback.endpoint.\"avatr\".*: names no @OssCallback method; the callback"
                        + " names are [avatar, invoice]");
    }

    @Test
    void endpointHostMustBeAHostNotAUrl() {
        for (String wrong : new String[] { "https://callbacks.example.com", "callbacks.example.com/path",
                "callbacks example.com", "host:99999", "-bad.example.com", "[fd00::1]:8443" }) {
            assertThat(failureOf(Map.of("quarkus.oss.callback.token.secret", SECRET,
                    "quarkus.oss.callback.base-url", "https://app.example.com",
                    "quarkus.oss.callback.endpoint.avatar.host", wrong)))
                    .as(wrong)
                    .contains("quarkus.oss.callback.endpoint.\"avatar\".host: must be a host name or IPv4 address"
                            + " with an optional :port (no scheme or path), got '" + wrong + "'");
        }
        for (String right : new String[] { "callbacks.example.com", "cb.example.com:443", "10.1.2.3:8080",
                "localhost", "a-b.example.com:65535" }) {
            assertThat(resolve(Map.of("quarkus.oss.callback.token.secret", SECRET,
                    "quarkus.oss.callback.base-url", "https://app.example.com",
                    "quarkus.oss.callback.endpoint.avatar.host", right)).endpoint("avatar").host()).contains(right);
        }
    }
}
