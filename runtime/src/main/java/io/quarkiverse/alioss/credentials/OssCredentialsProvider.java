package io.quarkiverse.alioss.credentials;

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
 */
@FunctionalInterface
public interface OssCredentialsProvider {

    /**
     * @return the credentials to sign the next request with, never {@code null}
     */
    OssCredentials credentials();
}
