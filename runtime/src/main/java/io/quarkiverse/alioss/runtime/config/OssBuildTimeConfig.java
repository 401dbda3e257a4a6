package io.quarkiverse.alioss.runtime.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the Alibaba Cloud OSS extension.
 */
@ConfigMapping(prefix = "quarkus.oss")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface OssBuildTimeConfig {

    /**
     * Dev Services: an OSS emulator started in dev and test mode when no endpoint is configured.
     */
    @ConfigDocSection
    DevServices devservices();

    /**
     * Upload callbacks received by {@code @OssCallback} endpoints, shared by all clients.
     */
    // the same title as OssRuntimeConfig#callback: the config reference shows both in one section
    @ConfigDocSection
    Callback callback();

    /**
     * The readiness check of the configured clients, when the application has SmallRye Health.
     */
    @ConfigDocSection
    Health health();

    /**
     * The metrics of the callback endpoints and the clients, when the application has Micrometer.
     */
    @ConfigDocSection
    Metrics metrics();

    /**
     * The readiness check of the configured clients.
     */
    @ConfigGroup
    interface Health {

        /**
         * Whether {@code /q/health/ready} includes, for every configured client that names a bucket, a check that
         * OSS answers GetBucketInfo for that bucket with the configured credentials. Only applies when the application
         * has the {@code quarkus-smallrye-health} extension.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * The metrics of the callback endpoints and the clients.
     */
    @ConfigGroup
    interface Metrics {

        /**
         * Whether the callback endpoints and the clients publish metrics. Only applies when the application has the
         * {@code quarkus-micrometer} extension.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * Upload callbacks: the settings fixed at build time.
     */
    @ConfigGroup
    interface Callback {

        /**
         * The HMAC token added to callback URLs: the settings fixed at build time.
         */
        Token token();
    }

    /**
     * The HMAC token added to callback URLs: the settings fixed at build time.
     */
    @ConfigGroup
    interface Token {

        /**
         * Where the used callback tokens are remembered, so that each token is accepted once. {@code memory} is enough
         * for one instance; an application with several instances needs {@code redis}, or a token used at one instance
         * is accepted once more at each of the others.
         */
        @WithDefault("memory")
        CallbackTokenStoreType store();

        /**
         * The Redis store of used tokens.
         */
        Redis redis();
    }

    /**
     * The Redis store of used tokens: the settings fixed at build time.
     */
    @ConfigGroup
    interface Redis {

        /**
         * The Quarkus Redis client that remembers the used tokens when {@code quarkus.oss.callback.token.store} is
         * {@code redis}: the client configured with {@code quarkus.redis."client-name".*}; the default client
         * ({@code quarkus.redis.*}) when unset. Fixed at build time, as the Redis extension creates only the clients
         * the build asks for.
         */
        Optional<String> clientName();
    }

    /**
     * Dev Services for OSS.
     */
    @ConfigGroup
    interface DevServices {

        /**
         * Whether the OSS emulator is started in dev and test mode when no {@code quarkus.oss.endpoint} is set.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The port the emulator listens on; a random free port when unset.
         */
        Optional<Integer> port();

        /**
         * The buckets the emulator creates at start. Defaults to the configured {@code quarkus.oss.bucket}, or
         * {@code default-bucket}.
         */
        Optional<List<String>> buckets();

        /**
         * The AccessKey id the emulator accepts and the application is configured with.
         */
        @WithDefault("devservices-access-key-id")
        String accessKeyId();

        /**
         * The AccessKey secret the emulator accepts and the application is configured with.
         */
        @WithDefault("devservices-access-key-secret")
        String accessKeySecret();

        /**
         * A directory where the emulator keeps its buckets and objects, bytes and metadata, so that they are found
         * again after a dev-mode restart and in the next {@code quarkus:dev} session; created when missing, relative
         * paths are resolved against the working directory. One emulator at a time can use a directory, so set it
         * for one profile only, for example {@code %dev.quarkus.oss.devservices.data-dir=target/oss-data}. When unset,
         * everything is kept in memory and lost when the emulator stops.
         */
        Optional<Path> dataDir();
    }
}
