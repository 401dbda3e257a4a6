package io.quarkiverse.alioss.runtime.config;

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
    }
}
