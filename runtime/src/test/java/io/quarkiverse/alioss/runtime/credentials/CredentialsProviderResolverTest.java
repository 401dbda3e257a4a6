package io.quarkiverse.alioss.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.config.ConfigProblems;
import io.quarkiverse.alioss.runtime.config.OssCredentialsConfig;
import io.quarkiverse.alioss.runtime.config.TestConfigs;
import io.quarkus.credentials.CredentialsProvider;

class CredentialsProviderResolverTest {

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, Object> beans = new HashMap<>();
    private final ConfigProblems problems = new ConfigProblems();

    private Optional<OssCredentialsProvider> resolve(String clientName, Map<String, String> properties) {
        OssCredentialsConfig config = TestConfigs.runtime(properties).clients().get(clientName).credentials();
        return new CredentialsProviderResolver(environment::get, TestConfigs.beans(beans))
                .resolve(clientName, config, problems);
    }

    private static CredentialsProvider answering(Map<String, String> answer) {
        return new CredentialsProvider() {
            @Override
            public Map<String, String> getCredentials(String name) {
                return answer;
            }
        };
    }

    private Optional<OssCredentialsProvider> resolveDefault(Map<String, String> properties) {
        return resolve(OssClientName.DEFAULT, properties);
    }

    @Test
    void typeDefaultsToStaticWhenAnAccessKeyIdIsSet() {
        Optional<OssCredentialsProvider> provider = resolveDefault(Map.of(
                "quarkus.oss.credentials.access-key-id", "id",
                "quarkus.oss.credentials.access-key-secret", "secret"));

        assertThat(provider).containsInstanceOf(StaticCredentialsProvider.class);
        assertThat(provider.get().credentials()).isEqualTo(OssCredentials.of("id", "secret"));
    }

    @Test
    void staticWithoutIdIsReported() {
        assertThat(resolveDefault(Map.of("quarkus.oss.credentials.type", "static"))).isEmpty();
        assertThat(problems.messages()).containsExactly(
                "quarkus.oss.credentials.access-key-id: is required when the credentials type is 'static'",
                "quarkus.oss.credentials.access-key-secret: is required when the credentials type is 'static'");
    }

    @Test
    void typeDefaultsToEnvironmentWithoutAnAccessKeyId() {
        environment.put("OSS_ACCESS_KEY_ID", "env-id");
        environment.put("OSS_ACCESS_KEY_SECRET", "env-secret");

        Optional<OssCredentialsProvider> provider = resolveDefault(Map.of());

        assertThat(provider).containsInstanceOf(EnvironmentCredentialsProvider.class);
        assertThat(provider.get().credentials().accessKeyId()).isEqualTo("env-id");
    }

    @Test
    void environmentWithMissingVariablesNamesEachVariableAndTheKey() {
        assertThat(resolve("reports", Map.of("quarkus.oss.reports.region", "cn-beijing"))).isEmpty();

        assertThat(problems.messages()).hasSize(2).allSatisfy(m -> assertThat(m)
                .startsWith("quarkus.oss.reports.credentials.type: is 'environment'"));
        assertThat(problems.messages().get(0)).contains("OSS_ACCESS_KEY_ID is not set");
        assertThat(problems.messages().get(1)).contains("OSS_ACCESS_KEY_SECRET is not set");
    }

    @Test
    void customTypeUsesTheNamedBean() {
        OssCredentials credentials = OssCredentials.of("custom-id", "custom-secret");
        beans.put("myKeys", (OssCredentialsProvider) () -> credentials);

        Optional<OssCredentialsProvider> provider = resolveDefault(Map.of("quarkus.oss.credentials.type", "custom",
                "quarkus.oss.credentials.custom-bean", "myKeys"));

        assertThat(provider.get().credentials()).isSameAs(credentials);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void customTypeWithoutBeanNameIsReported() {
        assertThat(resolveDefault(Map.of("quarkus.oss.credentials.type", "custom"))).isEmpty();
        assertThat(problems.messages()).singleElement().asString()
                .startsWith("quarkus.oss.credentials.custom-bean: is required when the credentials type is 'custom'");
    }

    @Test
    void customTypeWithAnUnknownOrWrongBeanIsReported() {
        beans.put("notAProvider", "just a string");

        resolveDefault(Map.of("quarkus.oss.credentials.type", "custom",
                "quarkus.oss.credentials.custom-bean", "notAProvider"));

        assertThat(problems.messages()).singleElement().asString().isEqualTo("quarkus.oss.credentials.custom-bean: "
                + "no CDI bean named 'notAProvider' implementing io.quarkiverse.alioss.credentials.OssCredentialsProvider was found");
    }

    @Test
    void credentialsProviderTypeUsesTheNamedQuarkusProviderAndConfiguredKeys() {
        beans.put("vault", answering(Map.of("ak", "vault-id", "sk", "vault-secret")));

        Optional<OssCredentialsProvider> provider = resolveDefault(Map.of(
                "quarkus.oss.credentials.type", "credentials-provider",
                "quarkus.oss.credentials.credentials-provider-name", "oss/prod",
                "quarkus.oss.credentials.credentials-provider-bean-name", "vault",
                "quarkus.oss.credentials.credentials-provider-keys.access-key-id", "ak",
                "quarkus.oss.credentials.credentials-provider-keys.access-key-secret", "sk"));

        assertThat(provider.get().credentials()).isEqualTo(OssCredentials.of("vault-id", "vault-secret"));
    }

    @Test
    void credentialsProviderTypeFallsBackToTheDefaultBean() {
        beans.put("<default>", answering(Map.of("user", "default-id", "password", "default-secret")));

        Optional<OssCredentialsProvider> provider = resolveDefault(Map.of(
                "quarkus.oss.credentials.type", "credentials-provider",
                "quarkus.oss.credentials.credentials-provider-name", "oss"));

        assertThat(provider.get().credentials().accessKeyId()).isEqualTo("default-id");
    }

    @Test
    void credentialsProviderTypeWithoutNameIsReported() {
        resolveDefault(Map.of("quarkus.oss.credentials.type", "credentials-provider"));

        assertThat(problems.messages()).containsExactly("quarkus.oss.credentials.credentials-provider-name: "
                + "is required when the credentials type is 'credentials-provider'");
    }

    @Test
    void credentialsProviderTypeWithAnUnknownBeanIsReported() {
        resolveDefault(Map.of("quarkus.oss.credentials.type", "credentials-provider",
                "quarkus.oss.credentials.credentials-provider-name", "oss",
                "quarkus.oss.credentials.credentials-provider-bean-name", "missing"));

        assertThat(problems.messages()).singleElement().asString()
                .startsWith("quarkus.oss.credentials.credentials-provider-bean-name: no "
                        + "io.quarkus.credentials.CredentialsProvider bean named 'missing' was found");
    }
}
