package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.oss.devservices.enabled=false} starts nothing even without an endpoint. */
class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false");

    @Test
    void noEmulatorIsWired() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getOptionalValue("quarkus.oss.endpoint", String.class)).isEmpty();
        assertThat(config.getOptionalValue("quarkus.oss.credentials.access-key-id", String.class)).isEmpty();
        assertThat(config.getPropertyNames()).noneMatch(name -> name.startsWith("quarkus.oss.callback.trusted-key"));
        assertThat(config.getOptionalValue("quarkus.oss.callback.base-url", String.class)).isEmpty();
    }
}
