package io.quarkiverse.alioss.runtime.credentials;

/** Where a client gets its credentials from ({@code quarkus.oss.credentials.type}). */
public enum CredentialsType {
    /** The access key in the configuration. */
    STATIC,
    /** The environment variables {@code OSS_ACCESS_KEY_ID}, {@code OSS_ACCESS_KEY_SECRET}, {@code OSS_SESSION_TOKEN}. */
    ENVIRONMENT,
    /**
     * A CDI bean implementing {@code io.quarkiverse.alioss.credentials.OssCredentialsProvider}, named by {@code custom-bean}.
     */
    CUSTOM,
    /** A Quarkus {@code io.quarkus.credentials.CredentialsProvider}. */
    CREDENTIALS_PROVIDER,
    /** The RAM role of the ECS instance, from its metadata service. */
    ECS_RAM_ROLE,
    /** STS AssumeRole, signed with the credentials of another type ({@code assume-role.source}). */
    ASSUME_ROLE,
    /** RRSA: STS AssumeRoleWithOIDC with the OIDC token file of the pod. */
    OIDC_ROLE,
    /** A profile of the official CLI or SDK credentials files. */
    PROFILE,
    /** The official SDKs' order: environment, OIDC role, profile files, ECS RAM role. */
    DEFAULT_CHAIN
}
