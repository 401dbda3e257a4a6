package io.quarkiverse.alioss.runtime.credentials;

import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.config.ConfigProblems;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.config.OssCredentialsConfig;
import io.quarkus.credentials.CredentialsProvider;

/**
 * Turns a client's {@code credentials.*} configuration into an {@link OssCredentialsProvider}, recording what is
 * missing instead of failing on the first problem. Never puts a configured value into a message.
 */
public final class CredentialsProviderResolver {

    private final EnvironmentLookup environment;
    private final NamedBeanLookup beans;

    private final CloudCredentialsResolver cloud;

    public CredentialsProviderResolver(EnvironmentLookup environment, NamedBeanLookup beans) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.beans = Objects.requireNonNull(beans, "beans");
        this.cloud = new CloudCredentialsResolver(environment, this::resolveType);
    }

    /** @return the provider, or empty when a problem was added to {@code problems} */
    public Optional<OssCredentialsProvider> resolve(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        CredentialsType type = config.type().orElse(
                config.accessKeyId().isPresent() ? CredentialsType.STATIC : CredentialsType.ENVIRONMENT);
        return resolveType(clientName, type, config, problems);
    }

    private Optional<OssCredentialsProvider> resolveType(String clientName, CredentialsType type,
            OssCredentialsConfig config, ConfigProblems problems) {
        String typeKey = key(clientName, "type");
        switch (type) {
            case STATIC:
                return staticProvider(clientName, config, problems);
            case ENVIRONMENT:
                return environmentProvider(typeKey, problems);
            case CUSTOM:
                return customProvider(clientName, config, problems);
            case CREDENTIALS_PROVIDER:
                return quarkusProvider(clientName, config, problems);
            case ECS_RAM_ROLE:
            case ASSUME_ROLE:
            case OIDC_ROLE:
            case PROFILE:
            case DEFAULT_CHAIN:
                return cloud.resolve(clientName, type, config, problems);
            default:
                throw new IllegalStateException("Unhandled credentials type " + type);
        }
    }

    private Optional<OssCredentialsProvider> staticProvider(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        boolean complete = requirePresent(config.accessKeyId(), key(clientName, "access-key-id"), problems)
                & requirePresent(config.accessKeySecret(), key(clientName, "access-key-secret"), problems);
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new StaticCredentialsProvider(OssCredentials.of(config.accessKeyId().get(),
                config.accessKeySecret().get(), config.securityToken().orElse(null))));
    }

    private static boolean requirePresent(Optional<String> value, String key, ConfigProblems problems) {
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(key, "is required when the credentials type is 'static'");
            return false;
        }
        return true;
    }

    private Optional<OssCredentialsProvider> environmentProvider(String typeKey, ConfigProblems problems) {
        EnvironmentCredentialsProvider provider = new EnvironmentCredentialsProvider(environment);
        for (String variable : provider.missingVariables()) {
            problems.add(typeKey, "is 'environment' (the default without an access-key-id), but the environment "
                    + "variable " + variable + " is not set");
        }
        return provider.missingVariables().isEmpty() ? Optional.of(provider) : Optional.empty();
    }

    private Optional<OssCredentialsProvider> customProvider(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        String beanKey = key(clientName, "custom-bean");
        if (config.customBean().isEmpty() || config.customBean().get().isBlank()) {
            problems.add(beanKey, "is required when the credentials type is 'custom': the @Named bean name of an "
                    + OssCredentialsProvider.class.getName());
            return Optional.empty();
        }
        String name = config.customBean().get();
        Optional<OssCredentialsProvider> bean = beans.named(name, OssCredentialsProvider.class);
        if (bean.isEmpty()) {
            problems.add(beanKey, "no CDI bean named '" + name + "' implementing "
                    + OssCredentialsProvider.class.getName() + " was found");
            return Optional.empty();
        }
        return Optional.of(new CustomBeanCredentialsProvider(name, bean.get()));
    }

    private Optional<OssCredentialsProvider> quarkusProvider(String clientName, OssCredentialsConfig config,
            ConfigProblems problems) {
        String nameKey = key(clientName, "credentials-provider-name");
        if (config.credentialsProviderName().isEmpty() || config.credentialsProviderName().get().isBlank()) {
            problems.add(nameKey, "is required when the credentials type is 'credentials-provider'");
            return Optional.empty();
        }
        Optional<CredentialsProvider> provider;
        String where;
        if (config.credentialsProviderBeanName().isPresent()) {
            provider = beans.named(config.credentialsProviderBeanName().get(), CredentialsProvider.class);
            where = key(clientName, "credentials-provider-bean-name");
        } else {
            provider = beans.byDefault(CredentialsProvider.class);
            where = nameKey;
        }
        if (provider.isEmpty()) {
            problems.add(where, "no " + CredentialsProvider.class.getName() + " bean "
                    + config.credentialsProviderBeanName().map(n -> "named '" + n + "' ").orElse("")
                    + "was found; add an extension that provides one, such as quarkus-vault");
            return Optional.empty();
        }
        OssCredentialsConfig.CredentialsProviderKeys keys = config.credentialsProviderKeys();
        return Optional.of(new QuarkusCredentialsProviderAdapter(provider.get(), config.credentialsProviderName().get(),
                new QuarkusCredentialsProviderAdapter.Keys(keys.accessKeyId(), keys.accessKeySecret(),
                        keys.securityToken())));
    }

    private static String key(String clientName, String property) {
        return OssConfigKeys.client(clientName, "credentials." + property);
    }
}
