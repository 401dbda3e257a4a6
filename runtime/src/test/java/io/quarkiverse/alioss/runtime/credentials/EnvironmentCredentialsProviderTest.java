package io.quarkiverse.alioss.runtime.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;

class EnvironmentCredentialsProviderTest {

    private final Map<String, String> environment = new HashMap<>();
    private final EnvironmentCredentialsProvider provider = new EnvironmentCredentialsProvider(environment::get);

    @Test
    void readsTheKeyPairAndTheOptionalSessionToken() {
        environment.put("OSS_ACCESS_KEY_ID", "env-id");
        environment.put("OSS_ACCESS_KEY_SECRET", "env-secret");
        assertThat(provider.credentials()).isEqualTo(OssCredentials.of("env-id", "env-secret"));

        environment.put("OSS_SESSION_TOKEN", "env-token");
        assertThat(provider.credentials().securityToken()).as("read again on every call").contains("env-token");
    }

    @Test
    void missingSecretIsNamed() {
        environment.put("OSS_ACCESS_KEY_ID", "env-id");

        assertThat(provider.missingVariables()).containsExactly("OSS_ACCESS_KEY_SECRET");
        assertThatThrownBy(provider::credentials).isInstanceOf(IllegalStateException.class)
                .hasMessage("OSS credentials type 'environment' needs the environment variable OSS_ACCESS_KEY_SECRET, "
                        + "which is not set");
    }

    @Test
    void bothMissingVariablesAreNamed() {
        environment.put("OSS_ACCESS_KEY_ID", " ");

        assertThatThrownBy(provider::credentials)
                .hasMessageContaining("environment variables OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET, which are not set");
    }

    @Test
    void neverShowsTheSecret() {
        environment.put("OSS_ACCESS_KEY_ID", "env-id");
        environment.put("OSS_ACCESS_KEY_SECRET", "env-secret");

        assertThat(provider.toString()).doesNotContain("env-secret");
        assertThat(provider.credentials().toString()).doesNotContain("env-secret");
    }
}
