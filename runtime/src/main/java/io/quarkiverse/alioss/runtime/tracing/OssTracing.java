package io.quarkiverse.alioss.runtime.tracing;

import io.quarkiverse.alioss.runtime.OptionalBeans;

/**
 * Where the extension reports what it traces. Free of any tracing library, like
 * {@link io.quarkiverse.alioss.runtime.metrics.OssMetrics}: the OpenTelemetry implementation is a bean the build
 * registers only when the application has an OpenTelemetry tracer, and without it everything goes to {@link #NONE}.
 * Resolved once per client or callback endpoint, never per request.
 */
public interface OssTracing {

    /** Traces nothing: the application has no OpenTelemetry. */
    OssTracing NONE = new OssTracing() {
        @Override
        public ClientSpans client(String clientName) {
            return ClientSpans.NONE;
        }

        @Override
        public CallbackSpans callback(String callbackName) {
            return CallbackSpans.NONE;
        }

        @Override
        public Runnable carryingCurrentTrace(Runnable task) {
            return task;
        }
    };

    /** The spans of the client configured as {@code clientName}. */
    ClientSpans client(String clientName);

    /** What the {@code @OssCallback} endpoint named {@code callbackName} adds to the spans of its requests. */
    CallbackSpans callback(String callbackName);

    /**
     * {@code task}, to run on another thread with the trace that is current here, so that the spans it starts are
     * children of the caller's span.
     */
    Runnable carryingCurrentTrace(Runnable task);

    /** The tracing bean when the build registered one, otherwise {@link #NONE}. */
    static OssTracing current() {
        return OptionalBeans.orElse(OssTracing.class, NONE);
    }
}
