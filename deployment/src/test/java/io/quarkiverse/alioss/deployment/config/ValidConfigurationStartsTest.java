package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkus.test.QuarkusUnitTest;

class ValidConfigurationStartsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(RotatingKeys.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.region", "cn-hangzhou")
            .overrideConfigKey("quarkus.oss.bucket", "examplebucket")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "secret")
            .overrideConfigKey("quarkus.oss.local.endpoint", "http://localhost:9000")
            .overrideConfigKey("quarkus.oss.local.signature-version", "v1")
            .overrideConfigKey("quarkus.oss.local.credentials.type", "custom")
            .overrideConfigKey("quarkus.oss.local.credentials.custom-bean", "rotatingKeys")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false");

    @Inject
    OssSettingsRegistry registry;

    @Test
    void everyClientIsResolvedAtStartup() {
        assertThat(registry.clientNames()).containsExactlyInAnyOrder(OssClientName.DEFAULT, "local");

        ClientOptions defaultClient = registry.client(OssClientName.DEFAULT).orElseThrow();
        assertThat(defaultClient.endpoint()).isEqualTo(URI.create("https://oss-cn-hangzhou.aliyuncs.com"));
        assertThat(defaultClient.bucket()).contains("examplebucket");
        assertThat(defaultClient.pathStyle()).isFalse();
        assertThat(defaultClient.credentials().credentials()).isEqualTo(OssCredentials.of("id", "secret"));

        ClientOptions local = registry.client("local").orElseThrow();
        assertThat(local.signer()).isInstanceOf(OssV1Signer.class);
        assertThat(local.pathStyle()).isTrue();
        assertThat(registry.callback().baseUrls()).containsExactly(URI.create("https://app.example.com"));
    }

    @Test
    void customCredentialsBeanIsKeptAndAskedPerRequest() {
        OssCredentialsProvider provider = registry.client("local").orElseThrow().credentials();

        assertThat(provider.credentials().accessKeyId()).isEqualTo("rotating-1");
        assertThat(provider.credentials().accessKeyId()).isEqualTo("rotating-2");
    }

    /** Never injected anywhere: only the configuration refers to it, by name. */
    @ApplicationScoped
    @Named("rotatingKeys")
    public static class RotatingKeys implements OssCredentialsProvider {

        private int calls;

        @Override
        public synchronized OssCredentials credentials() {
            calls++;
            return OssCredentials.of("rotating-" + calls, "rotating-secret");
        }
    }
}
