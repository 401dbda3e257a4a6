package io.quarkiverse.alioss.runtime.credentials;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Asks a provider that may block (a Vault-backed Quarkus {@code CredentialsProvider}, an application bean) on every
 * attempt, as its contract promises, but on a worker thread whenever the attempt starts on an event loop.
 */
final class OffEventLoopCredentials implements CredentialSupply {

    private final Vertx vertx;
    private final OssCredentialsProvider provider;
    /** The last answer, for presigning on an event loop, where the provider must not be asked. */
    private volatile OssCredentials last;

    OffEventLoopCredentials(Vertx vertx, OssCredentialsProvider provider) {
        this.vertx = vertx;
        this.provider = provider;
    }

    @Override
    public Uni<OssCredentials> next() {
        Uni<OssCredentials> ask = Uni.createFrom().item(this::ask);
        return Context.isOnEventLoopThread() ? vertx.executeBlocking(ask, false) : ask;
    }

    @Override
    public OssCredentials now() {
        if (!Context.isOnEventLoopThread()) {
            return ask();
        }
        OssCredentials known = last;
        if (known == null) {
            throw new IllegalStateException("Cannot presign on an event loop before " + provider
                    + " has answered once: it may block, so it is only asked on worker threads; presign from a "
                    + "worker thread or after a first request");
        }
        return known;
    }

    private OssCredentials ask() {
        OssCredentials credentials = provider.credentials();
        last = credentials;
        return credentials;
    }

    @Override
    public String source() {
        return provider.toString();
    }
}
