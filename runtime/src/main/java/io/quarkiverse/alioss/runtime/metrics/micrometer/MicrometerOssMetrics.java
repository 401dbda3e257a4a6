package io.quarkiverse.alioss.runtime.metrics.micrometer;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.alioss.runtime.metrics.CallbackMeters;
import io.quarkiverse.alioss.runtime.metrics.ClientMeters;
import io.quarkiverse.alioss.runtime.metrics.OssMetrics;

/**
 * The Micrometer meters of the extension, registered as a bean by the build only when the application has Micrometer
 * and {@code quarkus.oss.metrics.enabled} is true; nothing else in the extension refers to Micrometer. Names and tags
 * are documented in {@code observability.adoc}.
 */
@Singleton
public class MicrometerOssMetrics implements OssMetrics {

    private final MeterRegistry registry;

    public MicrometerOssMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ClientMeters client(String clientName) {
        return new MicrometerClientMeters(registry, clientName);
    }

    @Override
    public CallbackMeters callback(String callbackName) {
        return new MicrometerCallbackMeters(registry, callbackName);
    }
}
