package io.quarkiverse.alioss.runtime.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.Readiness;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.RetryStrategy;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkiverse.alioss.runtime.metrics.OssMetrics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.vertx.mutiny.core.Vertx;

/**
 * Registers one {@link BucketReadinessCheck} per configured client that names a bucket. A bean the build registers
 * only when the application has SmallRye Health and {@code quarkus.oss.health.enabled} is true. The checks are
 * registered at start, not declared as beans, because the clients are known only from the run-time configuration.
 * Each check has a client of its own, without retries, so that a probe neither waits for backoff nor depends on
 * whether the application injects that client.
 */
@Singleton
public class OssReadinessChecks {

    private final List<VertxReactiveOssClient> probes = new ArrayList<>();

    void register(@Observes StartupEvent started, @Readiness HealthRegistry readiness, OssSettingsRegistry settings,
            Vertx vertx, ObjectMapper objectMapper) {
        OssMetrics metrics = OssMetrics.current();
        for (String name : settings.clientNames()) {
            Optional<ClientOptions> options = settings.client(name).filter(o -> o.bucket().isPresent());
            if (options.isEmpty()) {
                continue;
            }
            VertxReactiveOssClient probe = new VertxReactiveOssClient(vertx, options.get().withRetry(RetryStrategy.NONE),
                    objectMapper, metrics.client(name));
            probes.add(probe);
            readiness.register(BucketReadinessCheck.name(name), new BucketReadinessCheck(name, probe));
        }
    }

    @PreDestroy
    void close() {
        probes.forEach(VertxReactiveOssClient::close);
        probes.clear();
    }
}
