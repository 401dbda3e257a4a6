package io.quarkiverse.alioss.runtime.config;

import java.util.Optional;

import io.quarkiverse.alioss.runtime.credentials.CredentialsType;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Where an OSS client gets its credentials from.
 */
@ConfigGroup
public interface OssCredentialsConfig {

    /**
     * The credentials type: {@code static} (the access key configured here), {@code environment}
     * ({@code OSS_ACCESS_KEY_ID}, {@code OSS_ACCESS_KEY_SECRET} and optionally {@code OSS_SESSION_TOKEN}),
     * {@code custom} (a CDI bean implementing {@code io.quarkiverse.alioss.credentials.OssCredentialsProvider}, see
     * {@code custom-bean}) or {@code credentials-provider} (a Quarkus {@code io.quarkus.credentials.CredentialsProvider}).
     * Defaults to {@code static} when {@code access-key-id} is set, otherwise to {@code environment}.
     */
    Optional<CredentialsType> type();

    /**
     * The AccessKey id, for the {@code static} type.
     */
    Optional<String> accessKeyId();

    /**
     * The AccessKey secret, for the {@code static} type.
     */
    Optional<String> accessKeySecret();

    /**
     * The STS security token, for the {@code static} type with temporary credentials.
     */
    Optional<String> securityToken();

    /**
     * The CDI bean name ({@code @Named}) of the {@code io.quarkiverse.alioss.credentials.OssCredentialsProvider}, for the
     * {@code custom} type.
     */
    Optional<String> customBean();

    /**
     * The name passed to the Quarkus {@code CredentialsProvider} (for example a Vault path), for the
     * {@code credentials-provider} type.
     */
    Optional<String> credentialsProviderName();

    /**
     * The CDI bean name of the Quarkus {@code CredentialsProvider}, for the {@code credentials-provider} type; when
     * unset, the default {@code CredentialsProvider} bean is used.
     */
    Optional<String> credentialsProviderBeanName();

    /**
     * The keys under which the Quarkus {@code CredentialsProvider} returns the credentials.
     */
    CredentialsProviderKeys credentialsProviderKeys();

    /**
     * Keys in the map a Quarkus {@code CredentialsProvider} returns.
     */
    @ConfigGroup
    interface CredentialsProviderKeys {

        /**
         * The key of the AccessKey id.
         */
        @WithDefault("user")
        String accessKeyId();

        /**
         * The key of the AccessKey secret.
         */
        @WithDefault("password")
        String accessKeySecret();

        /**
         * The key of the optional STS security token.
         */
        @WithDefault("security-token")
        String securityToken();
    }
}
