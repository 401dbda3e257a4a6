package io.quarkiverse.alioss.runtime.credentials;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * How one client gets the credentials of each request attempt without blocking its event loop: temporary
 * credentials from a cache refreshed in the background, providers that may block (a custom bean, a Quarkus
 * {@code CredentialsProvider}) on a worker thread, and the cheap configured ones directly.
 */
public interface CredentialSupply extends AutoCloseable {

    /** @return the credentials to sign the next attempt with; never calls a blocking provider on an event loop */
    Uni<OssCredentials> next();

    /**
     * For the synchronous presigning API: the credentials now, waiting only when not on an event loop.
     *
     * @throws IllegalStateException on an event loop when no credentials are at hand yet
     */
    OssCredentials now();

    /** Where the credentials come from, for messages: never a secret. */
    String source();

    /** Stops background refreshes. */
    @Override
    default void close() {
    }

    /** The supply for {@code provider} on {@code vertx}. */
    static CredentialSupply of(Vertx vertx, OssCredentialsProvider provider) {
        if (provider instanceof TemporaryCredentialsProvider temporary) {
            return new RefreshingCredentials(vertx, temporary);
        }
        if (provider instanceof NonBlockingCredentialsProvider) {
            return new DirectCredentials(provider);
        }
        return new OffEventLoopCredentials(vertx, provider);
    }
}
