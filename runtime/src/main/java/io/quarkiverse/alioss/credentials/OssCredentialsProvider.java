package io.quarkiverse.alioss.credentials;

import io.quarkiverse.alioss.runtime.credentials.StaticCredentialsProvider;

/**
 * Supplies the credentials an OSS client signs with.
 * <p>
 * The client asks its provider on <em>every request attempt</em> and never caches the answer, so credentials that
 * change over time (STS tokens) take effect on the next request. It never asks on a Vert.x event loop: an attempt that
 * starts there asks on a worker thread, so an implementation may block (read a vault, a file). Implementations that
 * are expensive to call should still cache themselves and refresh before expiry.
 * <p>
 * To use your own implementation, make it a CDI bean with a name ({@code @Named("myProvider")}) and set
 * {@code quarkus.oss.credentials.type=custom} and {@code quarkus.oss.credentials.custom-bean=myProvider}.
 * <p>
 * An access key pair that never changes needs no implementation: {@link #fixed(OssCredentials)} is what the configured
 * {@code quarkus.oss.access-key-id} and {@code access-key-secret} become.
 */
@FunctionalInterface
public interface OssCredentialsProvider {

    /**
     * @return the credentials to sign the next request with, never {@code null}
     */
    OssCredentials credentials();

    /**
     * Credentials that never change, as the configured access key pair: answered from memory, so a request that starts
     * on an event loop signs there, without the hop to a worker thread that a provider which may block costs (two
     * thread hand-offs per request).
     */
    static OssCredentialsProvider fixed(OssCredentials credentials) {
        return new StaticCredentialsProvider(credentials);
    }
}
