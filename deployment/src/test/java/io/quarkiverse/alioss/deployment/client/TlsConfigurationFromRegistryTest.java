package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.oss.tls-configuration-name} is looked up in the application's Quarkus TLS registry: a named
 * configuration defined under {@code quarkus.tls."name".*} is found and becomes the client's TLS settings.
 */
class TlsConfigurationFromRegistryTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.tls.private-ca.trust-store.pem.certs",
                    "../runtime/src/test/resources/tls/localhost-cert.pem")
            .overrideConfigKey("quarkus.oss.tls-configuration-name", "private-ca");

    @Inject
    OssSettingsRegistry settings;

    @Test
    void theNamedTlsConfigurationIsTheClients() {
        assertThat(settings.client(OssClientName.DEFAULT).orElseThrow().network().tls())
                .hasValueSatisfying(tls -> assertThat(tls.getTrustStoreOptions()).isNotNull());
    }
}
