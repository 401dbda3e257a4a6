package io.quarkiverse.alioss.runtime.credentials;

import java.util.Map;
import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkus.credentials.CredentialsProvider;

/**
 * Credentials from a Quarkus {@link CredentialsProvider} (Vault and others), asked on every call; such providers
 * cache and renew leases themselves.
 */
final class QuarkusCredentialsProviderAdapter implements OssCredentialsProvider {

    /** Where in the provider's answer the three values are. */
    public record Keys(String accessKeyId, String accessKeySecret, String securityToken) {
    }

    private final CredentialsProvider provider;
    private final String providerName;
    private final Keys keys;

    public QuarkusCredentialsProviderAdapter(CredentialsProvider provider, String providerName, Keys keys) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public OssCredentials credentials() {
        Map<String, String> answer = provider.getCredentials(providerName);
        if (answer == null) {
            throw new IllegalStateException("The Quarkus CredentialsProvider returned nothing for '" + providerName + "'");
        }
        return OssCredentials.of(required(answer, keys.accessKeyId()), required(answer, keys.accessKeySecret()),
                answer.get(keys.securityToken()));
    }

    private String required(Map<String, String> answer, String key) {
        String value = answer.get(key);
        if (value == null || value.isEmpty()) {
            // names the key only: the other values of the answer may be secrets
            throw new IllegalStateException("The Quarkus CredentialsProvider returned no '" + key + "' for '"
                    + providerName + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "QuarkusCredentialsProviderAdapter[name=" + providerName + "]";
    }
}
