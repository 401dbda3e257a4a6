package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.RetryStrategy;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.quarkus.runtime.configuration.ConfigurationException;

class OssClientOptionsResolverTest {

    private static ClientOptions resolveDefault(Map<String, String> properties) {
        return TestConfigs.resolver().resolve(OssClientName.DEFAULT, TestConfigs.runtime(properties));
    }

    private static ConfigurationException failureOf(Map<String, String> properties) {
        return failureOf(OssClientName.DEFAULT, properties);
    }

    private static ConfigurationException failureOf(String clientName, Map<String, String> properties) {
        return catchThrowableOfType(ConfigurationException.class,
                () -> TestConfigs.resolver().resolve(clientName, TestConfigs.runtime(properties)));
    }

    private static Map<String, String> validWith(String key, String value) {
        Map<String, String> properties = TestConfigs.validDefaultClient();
        properties.put(key, value);
        return properties;
    }

    private static Map<String, String> validWithout(String key) {
        Map<String, String> properties = TestConfigs.validDefaultClient();
        properties.remove(key);
        return properties;
    }

    @Test
    void resolvesAValidDefaultClientWithDefaults() {
        ClientOptions settings = resolveDefault(validWith("quarkus.oss.bucket", "examplebucket"));

        assertThat(settings.endpoint()).isEqualTo(URI.create("https://oss-cn-hangzhou.aliyuncs.com"));
        assertThat(settings.signer()).isInstanceOfSatisfying(OssV4Signer.class,
                signer -> assertThat(signer.region()).isEqualTo("cn-hangzhou"));
        assertThat(settings.bucket()).contains("examplebucket");
        assertThat(settings.pathStyle()).isFalse();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.retry()).isEqualTo(new RetryStrategy(3, Duration.ofMillis(200), Duration.ofSeconds(5)));
        assertThat(settings.credentials().credentials()).isEqualTo(OssCredentials.of("LTAI-test-id", "top-secret-value"));
        assertThat(settings.toString()).doesNotContain("top-secret-value");
    }

    /** A client built in code behaves like a configured one that sets nothing but where OSS is and how to sign. */
    @Test
    void aClientBuiltInCodeHasTheConfiguredDefaults() {
        ClientOptions configured = resolveDefault(validWith("quarkus.oss.bucket", "examplebucket"));
        ClientOptions inCode = ClientOptions.of(configured.endpoint(), "examplebucket", configured.pathStyle(),
                configured.signer(), configured.credentials());

        assertThat(inCode).isEqualTo(configured);
    }

    @Test
    void resolvesANamedClientFromItsOwnKeys() {
        ClientOptions settings = TestConfigs.resolver().resolve("avatars", TestConfigs.runtime(Map.of(
                "quarkus.oss.avatars.endpoint", "http://127.0.0.1:9000",
                "quarkus.oss.avatars.signature-version", "V1",
                "quarkus.oss.avatars.credentials.access-key-id", "id",
                "quarkus.oss.avatars.credentials.access-key-secret", "secret",
                "quarkus.oss.avatars.credentials.security-token", "sts-token")));

        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.signer()).isInstanceOf(OssV1Signer.class);
        assertThat(settings.pathStyle()).isTrue();
        assertThat(settings.credentials().credentials().securityToken()).contains("sts-token");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:9000, true",
            "http://[::1]:9000, true",
            "http://localhost:9000, true",
            "http://LocalHost, true",
            "http://bucket.localhost:9000, true",
            "https://oss-cn-hangzhou.aliyuncs.com, false",
            "https://oss.example.com:8443, false",
            "https://localhost.example.com, false",
    })
    void autoPathStyleIsOnlyForLocalEndpoints(String endpoint, boolean pathStyle) {
        assertThat(resolveDefault(validWith("quarkus.oss.endpoint", endpoint)).pathStyle()).isEqualTo(pathStyle);
    }

    @Test
    void pathStyleCanBeForcedEitherWay() {
        Map<String, String> remoteForced = validWith("quarkus.oss.path-style", "true");
        assertThat(resolveDefault(remoteForced).pathStyle()).isTrue();

        Map<String, String> localForcedOff = validWith("quarkus.oss.endpoint", "http://127.0.0.1:9000");
        localForcedOff.put("quarkus.oss.path-style", "false");
        assertThat(resolveDefault(localForcedOff).pathStyle()).isFalse();
    }

    @Test
    void endpointWithoutSchemeNamesTheKeyAndTheValue() {
        ConfigurationException e = failureOf(validWith("quarkus.oss.endpoint", "oss-cn-hangzhou.aliyuncs.com"));

        assertThat(e.getMessage()).contains("quarkus.oss.endpoint: must start with http:// or https://, got "
                + "'oss-cn-hangzhou.aliyuncs.com'");
        assertThat(e.getConfigKeys()).containsExactly("quarkus.oss.endpoint");
    }

    @Test
    void endpointWithAPathIsRefused() {
        assertThat(failureOf(validWith("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com/bucket"))
                .getMessage()).contains("quarkus.oss.endpoint: must be scheme, host and optional port only");
    }

    @Test
    void missingEndpointIsReported() {
        assertThat(failureOf(validWithout("quarkus.oss.endpoint")).getMessage())
                .contains("quarkus.oss.endpoint: is not set");
    }

    @Test
    void v4WithoutRegionIsRefused() {
        assertThat(failureOf(validWithout("quarkus.oss.region")).getMessage())
                .contains("quarkus.oss.region: is required for signature V4");
    }

    @Test
    void v1DoesNotNeedARegion() {
        Map<String, String> properties = validWithout("quarkus.oss.region");
        properties.put("quarkus.oss.signature-version", "v1");
        assertThat(resolveDefault(properties).signer()).isInstanceOf(OssV1Signer.class);
    }

    @Test
    void regionWithTheOssPrefixIsRefusedWithTheFix() {
        assertThat(failureOf(validWith("quarkus.oss.region", "oss-cn-hangzhou")).getMessage())
                .contains("quarkus.oss.region: must be the plain region id, e.g. 'cn-hangzhou'");
    }

    @Test
    void malformedRegionIsRefused() {
        assertThat(failureOf(validWith("quarkus.oss.region", "CN_Hangzhou")).getMessage())
                .contains("quarkus.oss.region: must be a region id of lower-case letters, digits and hyphens, "
                        + "e.g. cn-hangzhou, got 'CN_Hangzhou'");
    }

    @Test
    void invalidBucketNameIsRefused() {
        assertThat(failureOf(validWith("quarkus.oss.bucket", "My_Bucket")).getMessage())
                .contains("quarkus.oss.bucket: must be 3 to 63 lower-case letters");
    }

    @Test
    void nonPositiveTimeoutsAreRefused() {
        Map<String, String> properties = validWith("quarkus.oss.connect-timeout", "0S");
        properties.put("quarkus.oss.read-timeout", "-1S");
        assertThat(failureOf(properties).getMessage())
                .contains("quarkus.oss.connect-timeout: must be positive")
                .contains("quarkus.oss.read-timeout: must be positive");
    }

    @Test
    void retryBoundsAreChecked() {
        Map<String, String> properties = validWith("quarkus.oss.retry.max-attempts", "0");
        properties.put("quarkus.oss.retry.initial-backoff", "2S");
        properties.put("quarkus.oss.retry.max-backoff", "1S");
        assertThat(failureOf(properties).getMessage())
                .contains("quarkus.oss.retry.max-attempts: must be at least 1")
                .contains("quarkus.oss.retry.max-backoff: must not be shorter than quarkus.oss.retry.initial-backoff");
    }

    @Test
    void uploadDefaultsComeFromConfigurationPerClient() {
        ClientOptions defaults = resolveDefault(TestConfigs.validDefaultClient());
        assertThat(defaults.partSize()).isEqualTo(8L * 1024 * 1024);
        assertThat(defaults.multipartThreshold()).isEqualTo(16L * 1024 * 1024);
        assertThat(defaults.parallelism()).isEqualTo(4);

        Map<String, String> properties = validWith("quarkus.oss.upload.part-size", "1M");
        properties.put("quarkus.oss.upload.multipart-threshold", "3M");
        properties.put("quarkus.oss.upload.parallelism", "2");
        ClientOptions configured = resolveDefault(properties);
        assertThat(configured.partSize()).isEqualTo(1024 * 1024);
        assertThat(configured.multipartThreshold()).isEqualTo(3L * 1024 * 1024);
        assertThat(configured.parallelism()).isEqualTo(2);
    }

    @Test
    void uploadDefaultsOutsideWhatOssTakesAreRefusedNamingTheKey() {
        Map<String, String> properties = validWith("quarkus.oss.upload.part-size", "99K");
        properties.put("quarkus.oss.upload.parallelism", "0");
        assertThat(failureOf(properties).getMessage())
                .contains("quarkus.oss.upload.part-size: must be at least 100K (OSS's smallest part), got 101376 bytes")
                .contains("quarkus.oss.upload.parallelism: must be between 1 and 64, got 0");
        assertThat(failureOf(validWith("quarkus.oss.upload.part-size", "6G")).getMessage())
                .contains("quarkus.oss.upload.part-size: must be at most 5G");
    }

    @Test
    void customDomainDropsTheBucketFromTheAddressAndRefusesPathStyle() {
        ClientOptions cname = resolveDefault(validWith("quarkus.oss.cname", "true"));
        assertThat(cname.customDomain()).isTrue();
        assertThat(cname.pathStyle()).isFalse();

        Map<String, String> both = validWith("quarkus.oss.cname", "true");
        both.put("quarkus.oss.path-style", "true");
        assertThat(failureOf(both).getMessage()).contains("quarkus.oss.cname: cannot be combined with"
                + " quarkus.oss.path-style=true");
    }

    @Test
    void proxyIsResolvedWithoutShowingItsPassword() {
        Map<String, String> properties = validWith("quarkus.oss.proxy.address", "proxy.internal:3128");
        properties.put("quarkus.oss.proxy.username", "alice");
        properties.put("quarkus.oss.proxy.password", "proxy-secret-value");
        properties.put("quarkus.oss.proxy.non-proxy-hosts", "*.internal,localhost");
        ClientOptions options = resolveDefault(properties);

        assertThat(options.network().proxy()).hasValueSatisfying(proxy -> {
            assertThat(proxy.getHost()).isEqualTo("proxy.internal");
            assertThat(proxy.getPort()).isEqualTo(3128);
            assertThat(proxy.getUsername()).isEqualTo("alice");
        });
        assertThat(options.network().nonProxyHosts()).containsExactly("*.internal", "localhost");
        assertThat(options.toString()).doesNotContain("proxy-secret-value");
    }

    @Test
    void proxyAndTlsMistakesAreRefusedNamingTheKey() {
        assertThat(failureOf(validWith("quarkus.oss.proxy.address", "http://proxy:3128")).getMessage())
                .contains("quarkus.oss.proxy.address: must be host:port, got 'http://proxy:3128'");
        assertThat(failureOf(validWith("quarkus.oss.proxy.address", "proxy")).getMessage())
                .contains("quarkus.oss.proxy.address: must be host:port");
        Map<String, String> userOnly = validWith("quarkus.oss.proxy.address", "proxy:3128");
        userOnly.put("quarkus.oss.proxy.username", "alice");
        assertThat(failureOf(userOnly).getMessage())
                .contains("quarkus.oss.proxy.password: is required with quarkus.oss.proxy.username");
        assertThat(failureOf(validWith("quarkus.oss.proxy.username", "alice")).getMessage())
                .contains("quarkus.oss.proxy.address: is required when other proxy keys are set");
        assertThat(failureOf(validWith("quarkus.oss.tls-configuration-name", "private-ca")).getMessage())
                .contains("quarkus.oss.tls-configuration-name: names no TLS configuration of the TLS registry;"
                        + " define quarkus.tls.\"private-ca\".*");
    }

    @Test
    void staticCredentialsWithoutSecretAreRefused() {
        assertThat(failureOf(validWithout("quarkus.oss.credentials.access-key-secret")).getMessage())
                .contains("quarkus.oss.credentials.access-key-secret: is required when the credentials type is 'static'");
    }

    @Test
    void allProblemsOfAClientAreReportedTogether() {
        Map<String, String> properties = validWith("quarkus.oss.endpoint", "oss-cn-hangzhou.aliyuncs.com");
        properties.remove("quarkus.oss.region");
        properties.remove("quarkus.oss.credentials.access-key-secret");
        properties.put("quarkus.oss.signature-version", "v4");

        ConfigurationException e = failureOf(properties);

        assertThat(e.getMessage()).startsWith("Invalid configuration of the default OSS client")
                .contains("quarkus.oss.endpoint:", "quarkus.oss.region:", "quarkus.oss.credentials.access-key-secret:");
        assertThat(e.getConfigKeys()).containsExactlyInAnyOrder("quarkus.oss.endpoint", "quarkus.oss.region",
                "quarkus.oss.credentials.access-key-secret");
    }

    @Test
    void namedClientProblemsNameTheNamedKeys() {
        ConfigurationException e = failureOf("avatars", Map.of(
                "quarkus.oss.avatars.endpoint", "localhost:9000",
                "quarkus.oss.avatars.credentials.access-key-id", "id"));

        assertThat(e.getMessage()).startsWith("Invalid configuration of the OSS client 'avatars'")
                .contains("quarkus.oss.avatars.endpoint: must start with http:// or https://")
                .contains("quarkus.oss.avatars.region: is required")
                .contains("quarkus.oss.avatars.credentials.access-key-secret: is required");
    }

    @Test
    void clientNamesWithDotsAreQuotedInKeys() {
        ConfigurationException e = failureOf("eu.backup", Map.of("quarkus.oss.\"eu.backup\".region", "eu-central-1"));

        assertThat(e.getMessage()).contains("quarkus.oss.\"eu.backup\".endpoint: is not set");
    }

    @Test
    void reservedNamesCannotBeResolvedAsClients() {
        assertThatThrownBy(() -> TestConfigs.resolver().resolve("callback", TestConfigs.runtime(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'callback' is reserved for quarkus.oss.callback.*");
    }

    @Test
    void theSecretNeverAppearsInAnError() {
        Map<String, String> properties = validWith("quarkus.oss.endpoint", "nope");
        properties.put("quarkus.oss.credentials.type", "custom");

        assertThat(failureOf(properties).getMessage()).doesNotContain("top-secret-value");
    }
}
