package io.quarkiverse.alioss.runtime.config;

import java.time.Duration;
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
     * {@code custom-bean}), {@code credentials-provider} (a Quarkus {@code io.quarkus.credentials.CredentialsProvider}),
     * {@code ecs-ram-role} (the ECS instance's RAM role), {@code assume-role} (STS AssumeRole), {@code oidc-role}
     * (RRSA, STS AssumeRoleWithOIDC), {@code profile} (the official CLI/SDK credentials files) or
     * {@code default-chain} (environment, OIDC role, profile, ECS RAM role, in the official SDKs' order).
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
     * How long before temporary credentials ({@code ecs-ram-role}, {@code assume-role}, {@code oidc-role}) expire
     * they are refreshed in the background; at most half their lifetime is used.
     */
    @WithDefault("5M")
    Duration refreshAhead();

    /**
     * The STS endpoint, for {@code assume-role} and {@code oidc-role}, for example a VPC endpoint such as
     * {@code https://sts-vpc.cn-hangzhou.aliyuncs.com}.
     */
    @WithDefault("https://sts.aliyuncs.com")
    String stsEndpoint();

    /**
     * The {@code ecs-ram-role} type.
     */
    EcsRamRole ecsRamRole();

    /**
     * The {@code assume-role} type.
     */
    AssumeRole assumeRole();

    /**
     * The {@code oidc-role} type.
     */
    OidcRole oidcRole();

    /**
     * The {@code profile} type.
     */
    Profile profile();

    /**
     * The RAM role of the ECS instance.
     */
    @ConfigGroup
    interface EcsRamRole {

        /**
         * The name of the RAM role attached to the instance; when unset, the one the metadata service lists.
         */
        Optional<String> roleName();

        /**
         * The ECS instance metadata service.
         */
        @WithDefault("http://100.100.100.200")
        String metadataEndpoint();
    }

    /**
     * STS AssumeRole.
     */
    @ConfigGroup
    interface AssumeRole {

        /**
         * The credentials type that signs the AssumeRole call: any type but {@code assume-role}, configured with its
         * own keys of this group (for example {@code access-key-id} and {@code access-key-secret} for {@code static}).
         */
        @WithDefault("environment")
        CredentialsType source();

        /**
         * The ARN of the role to assume, for example {@code acs:ram::123456789012:role/uploader}.
         */
        Optional<String> roleArn();

        /**
         * The session name, visible in the audit log: 2 to 64 letters, digits, {@code . @ - _}.
         */
        @WithDefault("quarkus-alioss")
        String roleSessionName();

        /**
         * How long the session's credentials last: 15 minutes to the role's maximum session duration.
         */
        @WithDefault("1H")
        Duration duration();

        /**
         * A policy (JSON) that further restricts the session.
         */
        Optional<String> policy();

        /**
         * The external id the role's trust policy requires, if any.
         */
        Optional<String> externalId();
    }

    /**
     * RRSA: STS AssumeRoleWithOIDC, for pods of ACK clusters.
     */
    @ConfigGroup
    interface OidcRole {

        /**
         * The ARN of the role to assume; defaults to the environment variable {@code ALIBABA_CLOUD_ROLE_ARN}.
         */
        Optional<String> roleArn();

        /**
         * The ARN of the OIDC provider; defaults to the environment variable {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN}.
         */
        Optional<String> oidcProviderArn();

        /**
         * The file holding the OIDC token, re-read on every refresh; defaults to the environment variable
         * {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE}.
         */
        Optional<String> tokenFile();

        /**
         * The session name; defaults to the environment variable {@code ALIBABA_CLOUD_ROLE_SESSION_NAME}, then to
         * {@code quarkus-alioss}.
         */
        Optional<String> roleSessionName();

        /**
         * How long the session's credentials last.
         */
        @WithDefault("1H")
        Duration duration();

        /**
         * A policy (JSON) that further restricts the session.
         */
        Optional<String> policy();
    }

    /**
     * A profile of the official credentials files.
     */
    @ConfigGroup
    interface Profile {

        /**
         * The profile name; defaults to the environment variable {@code ALIBABA_CLOUD_PROFILE}, then to
         * {@code default}.
         */
        Optional<String> name();

        /**
         * The credentials file: a {@code .json} file is read as the CLI's {@code config.json}, any other as the SDKs'
         * INI file. When unset, {@code ~/.aliyun/config.json} is read, then the INI file named by
         * {@code ALIBABA_CLOUD_CREDENTIALS_FILE} or {@code ~/.alibabacloud/credentials.ini}.
         */
        Optional<String> file();
    }

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
