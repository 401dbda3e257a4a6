package io.quarkiverse.alioss.runtime.callback.token;

import java.lang.annotation.Annotation;

import jakarta.enterprise.inject.Default;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.redis.client.RedisClientName;
import io.vertx.mutiny.redis.client.Redis;

/** Finds the Redis client bean of the token store, which the build asked the Redis extension to create. */
final class RedisClientLookup {

    private RedisClientLookup() {
    }

    /**
     * @param clientName the name of a client configured with {@code quarkus.redis."client-name".*}, or null for the
     *        default client
     */
    static Redis client(String clientName) {
        Annotation qualifier = clientName == null ? Default.Literal.INSTANCE : RedisClientName.Literal.of(clientName);
        InstanceHandle<Redis> handle = Arc.container().instance(Redis.class, qualifier);
        if (!handle.isAvailable()) {
            String client = clientName == null ? "the default Redis client" : "Redis client '" + clientName + "'";
            throw new IllegalStateException("The build asked for " + client + " for the callback token store, but there"
                    + " is no such bean");
        }
        return handle.get();
    }
}
