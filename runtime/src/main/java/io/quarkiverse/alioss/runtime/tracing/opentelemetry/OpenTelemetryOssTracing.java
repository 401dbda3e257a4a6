package io.quarkiverse.alioss.runtime.tracing.opentelemetry;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpans;
import io.quarkiverse.alioss.runtime.tracing.ClientSpans;
import io.quarkiverse.alioss.runtime.tracing.OssTracing;

/**
 * The OpenTelemetry spans of the extension, registered as a bean by the build only when the application has an
 * OpenTelemetry tracer; nothing else in the extension refers to OpenTelemetry. Names and attributes are documented in
 * {@code observability.adoc}.
 */
@Singleton
public class OpenTelemetryOssTracing implements OssTracing {

    /** The instrumentation scope of the extension's spans. */
    static final String SCOPE = "io.quarkiverse.alioss";

    private final Tracer tracer;

    public OpenTelemetryOssTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    @Override
    public ClientSpans client(String clientName) {
        return new OpenTelemetryClientSpans(tracer, clientName);
    }

    @Override
    public CallbackSpans callback(String callbackName) {
        return new OpenTelemetryCallbackSpans(callbackName);
    }

    @Override
    public Runnable carryingCurrentTrace(Runnable task) {
        return Context.current().wrap(task);
    }
}
