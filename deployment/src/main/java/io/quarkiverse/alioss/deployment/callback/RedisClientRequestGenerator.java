package io.quarkiverse.alioss.deployment.callback;

import java.lang.annotation.RetentionPolicy;
import java.lang.constant.ClassDesc;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.gizmo2.Gizmo;

/**
 * Generates a bean that injects the Redis client of the token store. The Redis extension creates only the clients that
 * are injected somewhere: the default client for an injection point without qualifier, a named one for a
 * {@code @RedisClientName} in the bean archive. The bean is never instantiated; the store looks the client up itself.
 * <p>
 * The Redis extension's own request, {@code RequestedRedisClientBuildItem}, lives in its deployment module only; a
 * build step naming it would stop every build without that module from loading this extension's steps.
 */
final class RedisClientRequestGenerator {

    static final String BEAN_CLASS = "io.quarkiverse.alioss.runtime.callback.token.RedisTokenStoreClientRequest";

    // by name: the Redis extension is on the build class path only in applications that use it
    private static final ClassDesc REDIS = ClassDesc.of("io.vertx.mutiny.redis.client.Redis");
    private static final ClassDesc REDIS_CLIENT_NAME = ClassDesc.of("io.quarkus.redis.client.RedisClientName");

    private RedisClientRequestGenerator() {
    }

    /**
     * @param clientName the Redis client's name; empty for the default client
     * @return the generated bean class
     */
    static String generate(Gizmo gizmo, Optional<String> clientName) {
        gizmo.class_(BEAN_CLASS, cc -> {
            cc.final_();
            cc.addAnnotation(Singleton.class);
            cc.defaultConstructor();
            cc.field("client", fc -> {
                fc.packagePrivate(); // injected without reflection
                fc.setType(REDIS);
                fc.addAnnotation(Inject.class);
                clientName.ifPresent(name -> fc.addAnnotation(REDIS_CLIENT_NAME, RetentionPolicy.RUNTIME,
                        annotation -> annotation.add("value", name)));
            });
        });
        return BEAN_CLASS;
    }
}
