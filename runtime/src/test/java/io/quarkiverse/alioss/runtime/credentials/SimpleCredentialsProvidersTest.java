package io.quarkiverse.alioss.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkus.credentials.CredentialsProvider;

class SimpleCredentialsProvidersTest {

    private static final QuarkusCredentialsProviderAdapter.Keys KEYS = new QuarkusCredentialsProviderAdapter.Keys(
            "user", "password", "security-token");

    @Test
    void staticProviderReturnsTheConfiguredCredentialsAndHidesTheSecret() {
        OssCredentials credentials = OssCredentials.of("id", "static-secret", "static-token");
        StaticCredentialsProvider provider = new StaticCredentialsProvider(credentials);

        assertThat(provider.credentials()).isSameAs(credentials);
        assertThat(provider.toString()).contains("id").doesNotContain("static-secret", "static-token");
    }

    @Test
    void customBeanProviderDelegatesAndNamesTheBeanWhenItReturnsNull() {
        OssCredentials credentials = OssCredentials.of("id", "secret");
        assertThat(new CustomBeanCredentialsProvider("keys", () -> credentials).credentials()).isSameAs(credentials);

        assertThatThrownBy(() -> new CustomBeanCredentialsProvider("brokenKeys", () -> null).credentials())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The OssCredentialsProvider bean 'brokenKeys' returned null credentials");
    }

    @Test
    void quarkusProviderIsAskedOnEveryCallWithTheConfiguredName() {
        String[] secret = { "first-secret" };
        CredentialsProvider vault = new CredentialsProvider() {
            @Override
            public Map<String, String> getCredentials(String name) {
                assertThat(name).isEqualTo("oss/prod");
                return Map.of("user", "vault-id", "password", secret[0], "security-token", "vault-token");
            }
        };
        QuarkusCredentialsProviderAdapter adapter = new QuarkusCredentialsProviderAdapter(vault, "oss/prod", KEYS);

        assertThat(adapter.credentials()).isEqualTo(OssCredentials.of("vault-id", "first-secret", "vault-token"));
        secret[0] = "rotated-secret";
        assertThat(adapter.credentials().accessKeySecret()).isEqualTo("rotated-secret");
    }

    @Test
    void quarkusProviderWithoutTheSecretKeyNamesTheKeyButNoValue() {
        CredentialsProvider incomplete = new CredentialsProvider() {
            @Override
            public Map<String, String> getCredentials(String name) {
                return Map.of("user", "vault-id", "pass", "misplaced-secret");
            }
        };

        assertThatThrownBy(() -> new QuarkusCredentialsProviderAdapter(incomplete, "oss/prod", KEYS).credentials())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The Quarkus CredentialsProvider returned no 'password' for 'oss/prod'")
                .hasMessageNotContaining("misplaced-secret");
    }
}
