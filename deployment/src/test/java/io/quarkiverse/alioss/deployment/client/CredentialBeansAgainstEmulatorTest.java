package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.credentials.CredentialsProvider;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The two credentials types that come from the application's beans, looked up in the real CDI container and used for
 * real requests: a {@code custom} {@link OssCredentialsProvider} bean (default client) and a Quarkus
 * {@link CredentialsProvider} by name (a named client). The emulator only knows its own key pair, which only the beans
 * supply, and no bean is injected anywhere but by the extension's lookup.
 */
class CredentialBeansAgainstEmulatorTest {

    static final String KEY_ID = "bean-key-id";
    static final String KEY_SECRET = "bean-key-secret";

    // QuarkusUnitTest loads this class twice (JUnit's and Quarkus' class loader): each copy closes its own emulator
    static final OssEmulator EMULATOR = OssEmulator.start(OssEmulatorOptions.builder().bucket("custom")
            .bucket("vault").accessKeyId(KEY_ID).accessKeySecret(KEY_SECRET).build());

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(KeysBean.class, VaultBean.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
            .overrideConfigKey("quarkus.oss.endpoint", EMULATOR.baseUrl())
            .overrideConfigKey("quarkus.oss.region", EMULATOR.region())
            .overrideConfigKey("quarkus.oss.bucket", "custom")
            .overrideConfigKey("quarkus.oss.credentials.type", "custom")
            .overrideConfigKey("quarkus.oss.credentials.custom-bean", "keysBean")
            .overrideConfigKey("quarkus.oss.vault.endpoint", EMULATOR.baseUrl())
            .overrideConfigKey("quarkus.oss.vault.region", EMULATOR.region())
            .overrideConfigKey("quarkus.oss.vault.bucket", "vault")
            .overrideConfigKey("quarkus.oss.vault.credentials.type", "credentials-provider")
            .overrideConfigKey("quarkus.oss.vault.credentials.credentials-provider-name", "oss/vault")
            .overrideConfigKey("quarkus.oss.vault.credentials.credentials-provider-bean-name", "vaultBean");

    @Inject
    OssClient custom;

    @Inject
    @OssClientName("vault")
    OssClient vault;

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void customBeanSignsTheDefaultClientsRequests() {
        int before = KeysBean.CALLS.get();
        byte[] content = "custom bean".getBytes(StandardCharsets.UTF_8);

        custom.putObject("a.txt", content, UploadOptions.defaults());

        assertThat(custom.getObject("a.txt").bytes()).isEqualTo(content);
        assertThat(KeysBean.CALLS.get() - before).as("asked once per request").isEqualTo(2);
    }

    @Test
    void quarkusCredentialsProviderSignsTheNamedClientsRequests() {
        int before = VaultBean.CALLS.get();
        byte[] content = "vault".getBytes(StandardCharsets.UTF_8);

        vault.putObject("b.txt", content, UploadOptions.defaults());

        assertThat(vault.getObject("b.txt").bytes()).isEqualTo(content);
        assertThat(VaultBean.CALLS.get() - before).as("asked once per request").isEqualTo(2);
    }

    @Singleton
    @Named("keysBean")
    public static class KeysBean implements OssCredentialsProvider {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public OssCredentials credentials() {
            CALLS.incrementAndGet();
            return OssCredentials.of(KEY_ID, KEY_SECRET);
        }
    }

    @Singleton
    @Named("vaultBean")
    public static class VaultBean implements CredentialsProvider {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public Map<String, String> getCredentials(String credentialsProviderName) {
            CALLS.incrementAndGet();
            if (!"oss/vault".equals(credentialsProviderName)) {
                throw new IllegalArgumentException("unexpected credentials name " + credentialsProviderName);
            }
            return Map.of(CredentialsProvider.USER_PROPERTY_NAME, KEY_ID, CredentialsProvider.PASSWORD_PROPERTY_NAME,
                    KEY_SECRET);
        }
    }
}
