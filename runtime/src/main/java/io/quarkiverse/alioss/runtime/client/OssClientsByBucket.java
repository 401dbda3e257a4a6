package io.quarkiverse.alioss.runtime.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkiverse.alioss.runtime.metrics.OssMetrics;
import io.quarkiverse.alioss.runtime.tracing.OssTracing;
import io.quarkus.arc.Arc;
import io.vertx.mutiny.core.Vertx;

/**
 * Finds the configured client of a bucket, for callback routes that confirm an upload with OSS. The client bean is used
 * when the application has one for that name; otherwise a client is made from the same settings and kept until
 * shutdown.
 */
public final class OssClientsByBucket implements Function<String, Optional<ReactiveOssClient>>, AutoCloseable {

    private final OssSettingsRegistry registry;
    private final Vertx vertx;
    private final ObjectMapper objectMapper;
    private final Map<String, VertxReactiveOssClient> owned = new ConcurrentHashMap<>();

    public OssClientsByBucket(OssSettingsRegistry registry, Vertx vertx, ObjectMapper objectMapper) {
        this.registry = registry;
        this.vertx = vertx;
        this.objectMapper = objectMapper;
    }

    /** The client whose configured bucket is {@code bucket}: the default client first, then named ones by name. */
    @Override
    public Optional<ReactiveOssClient> apply(String bucket) {
        for (String name : registry.clientNames()) {
            Optional<ClientOptions> options = registry.client(name);
            if (options.isPresent() && options.get().bucket().filter(bucket::equals).isPresent()) {
                return Optional.of(client(name, options.get()));
            }
        }
        return Optional.empty();
    }

    private ReactiveOssClient client(String name, ClientOptions options) {
        Instance<ReactiveOssClient> beans = OssClientName.DEFAULT.equals(name)
                ? Arc.container().select(ReactiveOssClient.class)
                : Arc.container().select(ReactiveOssClient.class, OssClientName.Literal.of(name));
        if (beans.isResolvable()) {
            return beans.get();
        }
        return owned.computeIfAbsent(name,
                ignored -> new VertxReactiveOssClient(vertx, options, objectMapper, OssMetrics.current().client(name),
                        OssTracing.current().client(name)));
    }

    @Override
    public void close() {
        owned.values().forEach(VertxReactiveOssClient::close);
        owned.clear();
    }

    @Override
    public String toString() {
        return "OssClientsByBucket[" + Objects.toString(registry) + "]";
    }
}
