package io.quarkiverse.alioss.deployment;

import java.util.Optional;

import io.quarkiverse.alioss.runtime.config.OssBuildTimeConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;

/**
 * Registers the metrics bean when the application has Micrometer, the readiness checks when it has SmallRye Health,
 * and the tracing bean when it has an OpenTelemetry tracer. Without those extensions none of these beans exists, and no class
 * that refers to their APIs is loaded: the beans
 * are named here as strings, and the rest of the extension only knows the library-free
 * {@code io.quarkiverse.alioss.runtime.metrics.OssMetrics} and {@code io.quarkiverse.alioss.runtime.tracing.OssTracing}.
 */
class OssObservabilityProcessor {

    static final String MICROMETER_METRICS = "io.quarkiverse.alioss.runtime.metrics.micrometer.MicrometerOssMetrics";
    static final String READINESS_CHECKS = "io.quarkiverse.alioss.runtime.health.OssReadinessChecks";
    static final String OPENTELEMETRY_TRACING = "io.quarkiverse.alioss.runtime.tracing.opentelemetry.OpenTelemetryOssTracing";

    @BuildStep
    void metrics(OssBuildTimeConfig config, Optional<MetricsCapabilityBuildItem> metrics,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.metrics().enabled() && metrics.isPresent()
                && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
            // looked up programmatically by the recorders, so ArC must keep it
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(MICROMETER_METRICS).setUnremovable()
                    .build());
        }
    }

    @BuildStep
    void health(OssBuildTimeConfig config, Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (config.health().enabled() && capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(READINESS_CHECKS).setUnremovable().build());
        }
    }

    @BuildStep
    void tracing(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            // looked up programmatically by the recorders and the callback routes, so ArC must keep it
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(OPENTELEMETRY_TRACING).setUnremovable()
                    .build());
        }
    }
}
