package io.quarkiverse.alioss.runtime.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.credentials.EnvironmentLookup;
import io.quarkiverse.alioss.runtime.credentials.NamedBeanLookup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds the mappings from plain properties the way Quarkus does, with Quarkus' duration and size converters. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(OssRuntimeConfig.class)
                .withMapping(OssBuildTimeConfig.class)
                .build();
    }

    public static OssRuntimeConfig runtime(Map<String, String> properties) {
        return config(properties).getConfigMapping(OssRuntimeConfig.class);
    }

    /**
     * The run-time mapping as the running application builds it: without the build-time mapping, whose keys are still
     * in the sources (application.properties) and so are seen, but not mapped.
     */
    public static OssRuntimeConfig runtimeOnly(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(OssRuntimeConfig.class)
                .withValidateUnknown(false)
                .build()
                .getConfigMapping(OssRuntimeConfig.class);
    }

    /** A minimal valid default client, to which a test adds or overrides keys. */
    public static Map<String, String> validDefaultClient() {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com");
        properties.put("quarkus.oss.region", "cn-hangzhou");
        properties.put("quarkus.oss.credentials.access-key-id", "LTAI-test-id");
        properties.put("quarkus.oss.credentials.access-key-secret", "top-secret-value");
        return properties;
    }

    public static EnvironmentLookup noEnvironment() {
        return name -> null;
    }

    public static NamedBeanLookup beans(Map<String, Object> named) {
        return new NamedBeanLookup() {
            @Override
            public <T> Optional<T> named(String name, Class<T> type) {
                return Optional.ofNullable(named.get(name)).filter(type::isInstance).map(type::cast);
            }

            @Override
            public <T> Optional<T> byDefault(Class<T> type) {
                return Optional.ofNullable(named.get("<default>")).filter(type::isInstance).map(type::cast);
            }
        };
    }

    public static OssClientOptionsResolver resolver() {
        return new OssClientOptionsResolver(noEnvironment(), beans(Map.of()));
    }

    public static OssCredentialsProvider unusedProvider() {
        return () -> {
            throw new AssertionError("not expected to be called");
        };
    }
}
