package io.quarkiverse.alioss.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssClientName;
import io.quarkus.runtime.configuration.ConfigurationException;

class OssConfigValidatorTest {

    private final OssConfigValidator validator = new OssConfigValidator(TestConfigs.resolver());

    @Test
    void unconfiguredDefaultClientIsNotValidatedUnlessRequired() {
        OssRuntimeConfig config = TestConfigs.runtime(Map.of("quarkus.oss.callback.base-url", "https://a.example.com"));

        assertThat(validator.validate(config, false, false, Set.of()).clients()).isEmpty();
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> validator.validate(config, true, false, Set.of()));
        assertThat(e.getMessage()).contains("quarkus.oss.endpoint: is not set");
    }

    @Test
    void validatesTheDefaultAndEveryNamedClient() {
        Map<String, String> properties = TestConfigs.validDefaultClient();
        properties.put("quarkus.oss.backup.endpoint", "http://localhost:9000");
        properties.put("quarkus.oss.backup.signature-version", "v1");
        properties.put("quarkus.oss.backup.credentials.access-key-id", "id");
        properties.put("quarkus.oss.backup.credentials.access-key-secret", "secret");

        OssConfigValidator.Result result = validator.validate(TestConfigs.runtime(properties), false, false, Set.of());

        assertThat(result.clients()).containsOnlyKeys(OssClientName.DEFAULT, "backup");
        assertThat(result.clients().get("backup").pathStyle()).isTrue();
        assertThat(result.callback()).isNotNull();
    }

    @Test
    void problemsOfAllClientsAndCallbacksAreReportedInOneException() {
        Map<String, String> properties = TestConfigs.validDefaultClient();
        properties.put("quarkus.oss.region", "oss-cn-hangzhou");
        properties.put("quarkus.oss.backup.endpoint", "localhost:9000");
        properties.put("quarkus.oss.callback.token.ttl", "0S");

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> validator.validate(TestConfigs.runtime(properties), false, false, Set.of()));

        assertThat(e.getMessage()).contains("quarkus.oss.region:", "quarkus.oss.backup.endpoint:",
                "quarkus.oss.callback.token.ttl:");
        assertThat(e.getConfigKeys()).contains("quarkus.oss.region", "quarkus.oss.backup.endpoint",
                "quarkus.oss.callback.token.ttl");
    }

    @Test
    void clientKeysUnderAReservedNameAreReportedAsAMisplacedClient() {
        OssRuntimeConfig config = TestConfigs.runtime(Map.of("quarkus.oss.devservices.endpoint", "http://localhost"));

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> validator.validate(config, false, false, Set.of()));

        assertThat(e.getMessage()).contains("'devservices' is reserved for quarkus.oss.devservices.*");
    }

    /** At run time the build-time token store keys are in application.properties but in no mapping. */
    @Test
    void buildTimeCallbackKeysDoNotMakeCallbackAClient() {
        Map<String, String> properties = TestConfigs.validDefaultClient();
        properties.put("quarkus.oss.callback.token.store", "redis");
        properties.put("quarkus.oss.callback.token.redis.client-name", "tokens");
        properties.put("quarkus.oss.callback.token.redis.key-prefix", "shop:");

        OssConfigValidator.Result result = validator.validate(TestConfigs.runtimeOnly(properties), false, false, Set.of());

        assertThat(result.clients()).containsOnlyKeys(OssClientName.DEFAULT);
    }

    @Test
    void clientKeysUnderCallbackAreStillReportedAsAMisplacedClient() {
        OssRuntimeConfig config = TestConfigs.runtimeOnly(Map.of(
                "quarkus.oss.callback.token.store", "redis",
                "quarkus.oss.callback.endpoint", "http://localhost"));

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> validator.validate(config, false, false, Set.of()));

        assertThat(e.getMessage()).contains("'callback' is reserved for quarkus.oss.callback.*");
    }
}
