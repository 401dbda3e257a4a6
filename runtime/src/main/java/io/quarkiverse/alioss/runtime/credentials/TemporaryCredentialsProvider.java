package io.quarkiverse.alioss.runtime.credentials;

import java.time.Duration;
import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;

/**
 * Temporary credentials from a {@link CredentialsSource}. Each client keeps them in a {@link RefreshingCredentials},
 * which fetches and refreshes them asynchronously; this object only describes where they come from.
 *
 * @param refreshAhead how long before expiry a refresh starts (at most half the credentials' lifetime)
 */
public record TemporaryCredentialsProvider(CredentialsSource source, Duration refreshAhead)
        implements
            OssCredentialsProvider {

    public TemporaryCredentialsProvider {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
    }

    /**
     * Not available: fetching would mean blocking on the network. The OSS client fetches and caches these credentials
     * itself.
     */
    @Override
    public OssCredentials credentials() {
        throw new UnsupportedOperationException("Credentials from " + source.describe() + " are fetched and "
                + "refreshed asynchronously by the OSS client that uses them; they cannot be asked for directly");
    }

    @Override
    public String toString() {
        return source.describe();
    }
}
