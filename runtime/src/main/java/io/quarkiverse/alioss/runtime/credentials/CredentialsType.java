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
    CREDENTIALS_PROVIDER
}
