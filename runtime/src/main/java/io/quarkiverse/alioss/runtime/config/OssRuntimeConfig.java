package io.quarkiverse.alioss.runtime.config;

import java.util.Map;

import io.quarkiverse.alioss.OssClientName;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Run-time configuration of the Alibaba Cloud OSS extension.
 */
@ConfigMapping(prefix = "quarkus.oss")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface OssRuntimeConfig {

    /**
     * OSS clients. The default client is configured with {@code quarkus.oss.*}, named clients with
     * {@code quarkus.oss."client-name".*} and injected with {@code @OssClientName("client-name")}.
     * The names {@code callback}, {@code devservices}, {@code health} and {@code metrics} are reserved.
     */
    @ConfigDocMapKey("client-name")
    @ConfigDocSection
    @WithParentName
    @WithDefaults
    @WithUnnamedKey(OssClientName.DEFAULT)
    Map<String, OssClientConfig> clients();

    /**
     * Upload callbacks received by {@code @OssCallback} endpoints, shared by all clients.
     */
    @ConfigDocSection
    OssCallbackConfig callback();
}
