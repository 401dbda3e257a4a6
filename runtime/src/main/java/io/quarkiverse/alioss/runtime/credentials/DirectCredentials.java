package io.quarkiverse.alioss.runtime.credentials;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.smallrye.mutiny.Uni;

/** Calls a {@link NonBlockingCredentialsProvider} wherever the request runs. */
final class DirectCredentials implements CredentialSupply {

    private final OssCredentialsProvider provider;

    DirectCredentials(OssCredentialsProvider provider) {
        this.provider = provider;
    }

    @Override
    public Uni<OssCredentials> next() {
        return Uni.createFrom().item(provider::credentials);
    }

    @Override
    public OssCredentials now() {
        return provider.credentials();
    }

    @Override
    public String source() {
        return provider.toString();
    }
}
