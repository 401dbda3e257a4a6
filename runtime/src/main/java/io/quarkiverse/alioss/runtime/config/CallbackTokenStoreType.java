package io.quarkiverse.alioss.runtime.config;

/** Where the used callback tokens are remembered ({@code quarkus.oss.callback.token.store}). */
public enum CallbackTokenStoreType {

    /**
     * In the memory of each instance: a token used at one instance is still accepted once at every other instance.
     */
    MEMORY,

    /**
     * In Redis, shared by all instances of the application: a token is accepted once in total. Needs the Quarkus Redis
     * client extension ({@code io.quarkus:quarkus-redis-client}).
     */
    REDIS
}
