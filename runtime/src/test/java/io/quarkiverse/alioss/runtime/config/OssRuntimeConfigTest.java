package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssClientName;
import io.smallrye.config.SmallRyeConfig;

class OssRuntimeConfigTest {

    @Test
    void defaultsApplyWithoutAnyProperty() {
        OssRuntimeConfig config = TestConfigs.runtime(Map.of());
        OssClientConfig client = config.clients().get(OssClientName.DEFAULT);

        assertThat(client.endpoint()).isEmpty();
        assertThat(client.region()).isEmpty();
        assertThat(client.bucket()).isEmpty();
        assertThat(client.signatureVersion()).isEqualTo(SignatureVersion.V4);
        assertThat(client.pathStyle()).isEqualTo(PathStyle.AUTO);
        assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(client.retry().maxAttempts()).isEqualTo(3);
        assertThat(client.retry().initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(client.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(client.credentials().type()).isEmpty();
        assertThat(client.credentials().credentialsProviderKeys().accessKeyId()).isEqualTo("user");
        assertThat(client.credentials().credentialsProviderKeys().accessKeySecret()).isEqualTo("password");
        assertThat(client.credentials().credentialsProviderKeys().securityToken()).isEqualTo("security-token");

        OssCallbackConfig callback = config.callback();
        assertThat(callback.baseUrl()).isEmpty();
        assertThat(callback.maxBodySize().asLongValue()).isEqualTo(64 * 1024);
        assertThat(callback.trustedKeyUrls()).isEmpty();
        assertThat(callback.keyFetchTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(callback.token().enabled()).isEmpty();
        assertThat(callback.token().secret()).isEmpty();
        assertThat(callback.token().ttl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(callback.token().margin()).isEqualTo(Duration.ofMinutes(15));
        assertThat(callback.token().memory().maxEntries()).isEqualTo(100_000);
        assertThat(callback.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(callback.trustedKeys()).isEmpty();
    }

    @Test
    void defaultClientKeysAreReadWithoutAName() {
        OssRuntimeConfig config = TestConfigs.runtime(Map.of(
                "quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com",
                "quarkus.oss.retry.max-attempts", "7",
                "quarkus.oss.credentials.access-key-id", "id"));

        OssClientConfig client = config.clients().get(OssClientName.DEFAULT);
        assertThat(client.endpoint()).contains("https://oss-cn-hangzhou.aliyuncs.com");
        assertThat(client.retry().maxAttempts()).isEqualTo(7);
        assertThat(client.credentials().accessKeyId()).contains("id");
    }

    @Test
    void namedClientsHaveTheSameShapeAndTheirOwnDefaults() {
        OssRuntimeConfig config = TestConfigs.runtime(Map.of(
                "quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com",
                "quarkus.oss.avatars.endpoint", "http://127.0.0.1:9000",
                "quarkus.oss.avatars.signature-version", "v1",
                "quarkus.oss.avatars.credentials.custom-bean", "avatarKeys",
                "quarkus.oss.\"eu.backup\".region", "eu-central-1"));

        assertThat(config.clients().keySet()).contains("avatars", "eu.backup")
                .doesNotContain("endpoint", "eu", "credentials");
        OssClientConfig avatars = config.clients().get("avatars");
        assertThat(avatars.endpoint()).contains("http://127.0.0.1:9000");
        assertThat(avatars.signatureVersion()).isEqualTo(SignatureVersion.V1);
        assertThat(avatars.credentials().customBean()).contains("avatarKeys");
        assertThat(avatars.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.clients().get("eu.backup").region()).contains("eu-central-1");
    }

    @Test
    void callbackAndDevServicesGroupsAreNotMistakenForClients() {
        SmallRyeConfig smallRye = TestConfigs.config(Map.of(
                "quarkus.oss.callback.base-url", "https://a.example.com,https://b.example.com",
                "quarkus.oss.callback.max-body-size", "1M",
                "quarkus.oss.callback.trusted-key-urls", "https://keys.example.com/k.pem",
                "quarkus.oss.callback.key-fetch-timeout", "2S",
                "quarkus.oss.callback.token.enabled", "true",
                "quarkus.oss.callback.token.secret", "0123456789abcdef0123456789abcdef",
                "quarkus.oss.callback.token.ttl", "10M",
                "quarkus.oss.devservices.enabled", "false",
                "quarkus.oss.devservices.port", "0",
                "quarkus.oss.devservices.buckets", "one,two"));
        OssRuntimeConfig config = smallRye.getConfigMapping(OssRuntimeConfig.class);

        // the raw map may hold "callback" (its read-timeout has the shape of a client key); no client is made of it
        assertThat(OssConfigValidator.clientNames(config, false)).doesNotContain("callback", "devservices");
        assertThat(config.callback().baseUrl()).hasValue(java.util.List.of("https://a.example.com",
                "https://b.example.com"));
        assertThat(config.callback().maxBodySize().asLongValue()).isEqualTo(1024 * 1024);
        assertThat(config.callback().trustedKeyUrls()).hasValue(java.util.List.of("https://keys.example.com/k.pem"));
        assertThat(config.callback().keyFetchTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.callback().token().enabled()).contains(true);
        assertThat(config.callback().token().ttl()).isEqualTo(Duration.ofMinutes(10));

        OssBuildTimeConfig.DevServices devServices = smallRye.getConfigMapping(OssBuildTimeConfig.class).devservices();
        assertThat(devServices.enabled()).isFalse();
        assertThat(devServices.port()).contains(0);
        assertThat(devServices.buckets()).hasValue(java.util.List.of("one", "two"));
    }

    @Test
    void devServicesDefaults() {
        OssBuildTimeConfig.DevServices devServices = TestConfigs.config(Map.of())
                .getConfigMapping(OssBuildTimeConfig.class).devservices();

        assertThat(devServices.enabled()).isTrue();
        assertThat(devServices.port()).isEmpty();
        assertThat(devServices.buckets()).isEmpty();
        assertThat(devServices.accessKeyId()).isNotBlank();
        assertThat(devServices.accessKeySecret()).isNotBlank();
    }

    @Test
    void tokenStoreDefaultsToMemoryWithTheRedisKeysReadyForRedis() {
        SmallRyeConfig smallRye = TestConfigs.config(Map.of());
        OssBuildTimeConfig.Token buildTime = smallRye.getConfigMapping(OssBuildTimeConfig.class).callback().token();
        OssCallbackConfig.Redis runTime = smallRye.getConfigMapping(OssRuntimeConfig.class).callback().token().redis();

        assertThat(buildTime.store()).isEqualTo(CallbackTokenStoreType.MEMORY);
        assertThat(buildTime.redis().clientName()).isEmpty();
        assertThat(runTime.keyPrefix()).isEqualTo("oss-cb-token:");
        assertThat(runTime.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    /** The store and its client are fixed at build time, the key prefix and timeout at run time, under one prefix. */
    @Test
    void tokenStoreKeysAreSplitBetweenBuildAndRunTime() {
        SmallRyeConfig smallRye = TestConfigs.config(Map.of(
                "quarkus.oss.callback.token.store", "redis",
                "quarkus.oss.callback.token.redis.client-name", "tokens",
                "quarkus.oss.callback.token.redis.key-prefix", "shop:used-token:",
                "quarkus.oss.callback.token.redis.timeout", "500ms"));
        OssBuildTimeConfig.Token buildTime = smallRye.getConfigMapping(OssBuildTimeConfig.class).callback().token();
        OssRuntimeConfig runTime = smallRye.getConfigMapping(OssRuntimeConfig.class);

        assertThat(buildTime.store()).isEqualTo(CallbackTokenStoreType.REDIS);
        assertThat(buildTime.redis().clientName()).contains("tokens");
        assertThat(runTime.callback().token().redis().keyPrefix()).isEqualTo("shop:used-token:");
        assertThat(runTime.callback().token().redis().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(OssConfigValidator.clientNames(runTime, false)).doesNotContain("callback");
    }
}
