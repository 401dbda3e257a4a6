package io.quarkiverse.alioss.runtime.credentials;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * One client's cache of temporary credentials. Requests take the cached value without waiting; a timer refreshes it
 * ahead of expiry (only while the client is used), asynchronously, so nothing is fetched on a request's path but the
 * first time. A failed refresh keeps the current credentials, with a WARN naming the source; once they have expired
 * and no refresh succeeds, requests still carry them and OSS refuses them, its error then naming the source.
 */
final class RefreshingCredentials implements CredentialSupply {

    private static final Logger LOG = Logger.getLogger(RefreshingCredentials.class);
    /** Retry a failed refresh no later than this, sooner when the credentials expire sooner. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final Duration PRESIGN_WAIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final WebClient web;
    private final TemporaryCredentialsProvider provider;
    private final CredentialsSource.Fetch fetch;

    private volatile Held current;
    private volatile String lastFailure;
    private volatile boolean usedSinceFetch;
    private volatile boolean closed;
    private Uni<ExpiringCredentials> inFlight;
    private long timer = -1;

    /** Credentials with the instant a refresh should start. */
    private record Held(ExpiringCredentials value, Instant refreshAt) {
    }

    RefreshingCredentials(Vertx vertx, TemporaryCredentialsProvider provider) {
        this.vertx = vertx;
        this.provider = provider;
        this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5000).setIdleTimeout(10)
                .setFollowRedirects(false).setUserAgent("quarkus-alioss"));
        this.fetch = provider.source().open(vertx, web);
    }

    @Override
    public Uni<OssCredentials> next() {
        Held held = current;
        Instant now = Instant.now();
        if (held != null && now.isBefore(held.value.expiration())) {
            usedSinceFetch = true;
            if (!now.isBefore(held.refreshAt)) {
                refreshInBackground();
            }
            return Uni.createFrom().item(held.value.credentials());
        }
        return refresh().onItemOrFailure().transformToUni((fresh, failure) -> {
            usedSinceFetch = true;
            if (failure == null) {
                return Uni.createFrom().item(fresh.credentials());
            }
            Held stale = current;
            if (stale != null) {
                // expired by our clock; OSS judges by its own, and its refusal names this source
                return Uni.createFrom().item(stale.value.credentials());
            }
            return Uni.createFrom().failure(new IllegalStateException(
                    "Could not get OSS credentials from " + provider.source().describe() + ": " + failure.getMessage(),
                    failure));
        });
    }

    @Override
    public OssCredentials now() {
        Held held = current;
        if (held != null && Instant.now().isBefore(held.value.expiration())) {
            return held.value.credentials();
        }
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Cannot presign on an event loop before credentials from "
                    + provider.source().describe() + " are fetched: presign from a worker thread or after a request");
        }
        return next().await().atMost(PRESIGN_WAIT);
    }

    @Override
    public String source() {
        String failure = lastFailure;
        return provider.source().describe() + (failure == null ? "" : ", whose last refresh failed: " + failure);
    }

    private void refreshInBackground() {
        refresh().subscribe().with(fresh -> {
        }, failure -> {
        });
    }

    private synchronized Uni<ExpiringCredentials> refresh() {
        Uni<ExpiringCredentials> running = inFlight;
        if (running == null) {
            running = Uni.createFrom().deferred(fetch::fetch)
                    .onItemOrFailure().invoke(this::fetched)
                    .memoize().indefinitely();
            inFlight = running;
            // started now, so a refresh runs even when nobody waits for it; a source that answers at once has
            // already cleared inFlight when this returns
            running.subscribe().with(fresh -> {
            }, failure -> {
            });
        }
        return running;
    }

    private void fetched(ExpiringCredentials fresh, Throwable failure) {
        Instant now = Instant.now();
        Instant next;
        synchronized (this) {
            inFlight = null;
            if (failure == null) {
                Duration lifetime = Duration.between(now, fresh.expiration());
                Duration ahead = min(provider.refreshAhead(), lifetime.dividedBy(2));
                current = new Held(fresh, fresh.expiration().minus(ahead));
                lastFailure = null;
                usedSinceFetch = false;
                next = current.refreshAt;
            } else {
                lastFailure = failure.getMessage();
                Held held = current;
                boolean valid = held != null && now.isBefore(held.value.expiration());
                LOG.warnf("Refreshing the OSS credentials from %s failed: %s; %s", provider.source().describe(),
                        failure.getMessage(), valid ? "keeping the current ones until " + held.value.expiration()
                                : "no valid credentials are left");
                next = valid ? now.plus(min(RETRY_AFTER_FAILURE, Duration.between(now, held.value.expiration())
                        .dividedBy(2))) : null;
            }
        }
        if (next != null) {
            schedule(next);
        }
    }

    private synchronized void schedule(Instant at) {
        if (closed) {
            return;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        long delay = Math.max(1, Duration.between(Instant.now(), at).toMillis());
        timer = vertx.setTimer(delay, id -> {
            // an idle client lets its credentials lapse; its next request fetches new ones
            if (!closed && usedSinceFetch) {
                refreshInBackground();
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        fetch.close();
        web.close();
    }

    @Override
    public String toString() {
        return "RefreshingCredentials[" + provider.source().describe() + "]";
    }
}
