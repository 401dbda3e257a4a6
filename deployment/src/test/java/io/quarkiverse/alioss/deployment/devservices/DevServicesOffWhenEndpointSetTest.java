package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A configured endpoint means real OSS (or an emulator of the user's own): Dev Services must stay out of the way. */
class DevServicesOffWhenEndpointSetTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", "https://oss-cn-shanghai.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.region", "cn-shanghai")
            .overrideConfigKey("quarkus.oss.bucket", "real-bucket")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", "real-id")
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "real-secret")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com");

    @Test
    void nothingIsStartedOrOverridden() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.oss.endpoint", String.class))
                .isEqualTo("https://oss-cn-shanghai.aliyuncs.com");
        assertThat(config.getValue("quarkus.oss.credentials.access-key-id", String.class)).isEqualTo("real-id");
        assertThat(config.getOptionalValue("quarkus.oss.credentials.type", String.class)).isEmpty();
        assertThat(config.getPropertyNames()).noneMatch(name -> name.startsWith("quarkus.oss.callback.trusted-key"));
        assertThat(config.getValue("quarkus.oss.callback.base-url", String.class))
                .isEqualTo("https://app.example.com");
    }
}
