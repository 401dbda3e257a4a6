package io.quarkiverse.alioss.runtime.client;

import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkiverse.alioss.runtime.metrics.OssMetrics;
import io.quarkiverse.alioss.runtime.tracing.OssTracing;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.mutiny.core.Vertx;

/**
 * Creates the client beans: one {@link ReactiveOssClient} per used client name on the Vert.x instance Quarkus manages,
 * and an {@link OssClient} wrapping it. The beans' injection points (Vert.x, object mapper, settings registry, the
 * reactive client) are declared by the deployment processor.
 */
@Recorder
public class OssClientRecorder {

    public Function<SyntheticCreationalContext<ReactiveOssClient>, ReactiveOssClient> reactiveClient(String name) {
        return context -> {
            OssSettingsRegistry registry = context.getInjectedReference(OssSettingsRegistry.class);
            ClientOptions options = registry.client(name).orElseThrow(() -> new IllegalStateException(
                    "Cannot create " + OssConfigKeys.describeClient(name) + ": it is injected but not configured; set "
                            + OssConfigKeys.client(name, "endpoint")));
            return new VertxReactiveOssClient(context.getInjectedReference(Vertx.class), options.requireBucket(name),
                    context.getInjectedReference(ObjectMapper.class), OssMetrics.current().client(name),
                    OssTracing.current().client(name));
        };
    }

    public Function<SyntheticCreationalContext<OssClient>, OssClient> blockingClient(String name) {
        return context -> new BlockingOssClient(OssClientName.DEFAULT.equals(name)
                ? context.getInjectedReference(ReactiveOssClient.class)
                : context.getInjectedReference(ReactiveOssClient.class, OssClientName.Literal.of(name)),
                context.getInjectedReference(Vertx.class), name,
                context.getInjectedReference(OssSettingsRegistry.class).client(name).orElseThrow());
    }
}
