package io.quarkiverse.alioss.runtime.callback;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code quarkus.oss.callback.*} values the generated routes and the callback templates need, behind one small
 * interface so that the route code does not depend on the shape of the configuration mapping.
 */
public interface CallbackSettings {

    /** {@code quarkus.oss.callback.base-url}: where OSS reaches the application; may be empty in dev/test. */
    List<String> baseUrls();

    /** {@code quarkus.oss.callback.max-body-size} in bytes. */
    long maxBodySize();

    /** {@code quarkus.oss.callback.trusted-key-urls}: key URLs trusted in addition to the pinned OSS ones. */
    List<String> trustedKeyUrls();

    /** {@code quarkus.oss.callback.key-fetch-timeout}. */
    Duration keyFetchTimeout();

    /** {@code quarkus.oss.callback.token.enabled}; empty means "when a secret is available". */
    Optional<Boolean> tokenEnabled();

    /** {@code quarkus.oss.callback.token.secret}. */
    Optional<String> tokenSecret();

    /** {@code quarkus.oss.callback.token.ttl}. */
    Duration tokenTtl();
}
