package io.quarkiverse.alioss.runtime.credentials;

import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;

/** The access key from the configuration or {@code OssCredentialsProvider.fixed}; never changes. */
public final class StaticCredentialsProvider implements NonBlockingCredentialsProvider {

    private final OssCredentials credentials;

    public StaticCredentialsProvider(OssCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public OssCredentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "StaticCredentialsProvider[accessKeyId=" + credentials.accessKeyId() + "]";
    }
}
