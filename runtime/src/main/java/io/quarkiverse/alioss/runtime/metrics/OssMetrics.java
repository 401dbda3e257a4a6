package io.quarkiverse.alioss.runtime.metrics;

import io.quarkiverse.alioss.runtime.OptionalBeans;

/**
 * Where the extension reports what it measures. Free of any metrics library, so that the callback routes and the
 * clients can always report; the Micrometer implementation is a bean the build registers only when the application has
 * Micrometer, and without it everything goes to {@link #NONE}. Meters are resolved once per client or endpoint, never
 * per request.
 */
public interface OssMetrics {

    /** Measures nothing: the application has no metrics, or the metrics of this extension are switched off. */
    OssMetrics NONE = new OssMetrics() {
        @Override
        public ClientMeters client(String clientName) {
            return ClientMeters.NONE;
        }

        @Override
        public CallbackMeters callback(String callbackName) {
            return CallbackMeters.NONE;
        }
    };

    /** The meters of the client configured as {@code clientName}. */
    ClientMeters client(String clientName);

    /** The meters of the {@code @OssCallback} endpoint named {@code callbackName}. */
    CallbackMeters callback(String callbackName);

    /** The metrics bean when the build registered one, otherwise {@link #NONE}; asked once per client or route. */
    static OssMetrics current() {
        return OptionalBeans.orElse(OssMetrics.class, NONE);
    }
}
