package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkus.credentials.CredentialsProvider;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;

/**
 * Every credentials type, resolved from {@code quarkus.oss.credentials.*} as the extension does, signs real requests
 * that the emulator accepts. The emulator runs with its own key pair, which only the source under test supplies; a
 * recording proxy in front of it shows which key id and STS token went out.
 */
class CredentialTypesAgainstEmulatorTest {

    private static final String BUCKET = "creds";
    private static final String KEY_ID = "creds-test-key-id";
    private static final String KEY_SECRET = "creds-test-key-secret";
    private static final String STS_TOKEN = "sts-token-/+=value";

    private static Vertx vertx;
    private static OssEmulator emulator;
    private static RecordingProxy proxy;

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, Object> beans = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).accessKeyId(KEY_ID)
                .accessKeySecret(KEY_SECRET).build());
        proxy = new RecordingProxy(vertx, emulator.port());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        emulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void clientConfiguration() {
        properties.put("quarkus.oss.endpoint", proxy.url());
        properties.put("quarkus.oss.region", emulator.region());
        properties.put("quarkus.oss.bucket", BUCKET);
    }

    @Test
    void staticKeysFromConfiguration() throws Exception {
        properties.put("quarkus.oss.credentials.type", "static");
        properties.put("quarkus.oss.credentials.access-key-id", KEY_ID);
        properties.put("quarkus.oss.credentials.access-key-secret", KEY_SECRET);

        MultiMap sent = roundTrip("static.txt");

        assertThat(sent.get("x-oss-security-token")).isNull();
    }

    @Test
    void stsSecurityTokenFromConfigurationIsSentAndSigned() throws Exception {
        properties.put("quarkus.oss.credentials.access-key-id", KEY_ID);
        properties.put("quarkus.oss.credentials.access-key-secret", KEY_SECRET);
        properties.put("quarkus.oss.credentials.security-token", STS_TOKEN);

        MultiMap sent = roundTrip("sts.txt");

        assertThat(sent.get("x-oss-security-token")).isEqualTo(STS_TOKEN);
    }

    @Test
    void environmentVariablesWithSessionToken() throws Exception {
        // no credentials.* keys at all: the default type is 'environment'
        environment.put("OSS_ACCESS_KEY_ID", KEY_ID);
        environment.put("OSS_ACCESS_KEY_SECRET", KEY_SECRET);
        environment.put("OSS_SESSION_TOKEN", STS_TOKEN);

        MultiMap sent = roundTrip("environment.txt");

        assertThat(sent.get("x-oss-security-token")).isEqualTo(STS_TOKEN);
    }

    @Test
    void customBeanIsAskedForEveryRequest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        beans.put("rotatingKeys", (OssCredentialsProvider) () -> {
            calls.incrementAndGet();
            return OssCredentials.of(KEY_ID, KEY_SECRET);
        });
        properties.put("quarkus.oss.credentials.type", "custom");
        properties.put("quarkus.oss.credentials.custom-bean", "rotatingKeys");

        roundTrip("custom.txt");

        assertThat(calls.get()).as("one put and one get, each signed with fresh credentials").isEqualTo(2);
    }

    @Test
    void quarkusCredentialsProviderByName() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        beans.put("vault", new CredentialsProvider() {
            @Override
            public Map<String, String> getCredentials(String name) {
                calls.incrementAndGet();
                assertThat(name).isEqualTo("oss/creds");
                return Map.of("ak", KEY_ID, "sk", KEY_SECRET, "token", STS_TOKEN);
            }
        });
        properties.put("quarkus.oss.credentials.type", "credentials-provider");
        properties.put("quarkus.oss.credentials.credentials-provider-name", "oss/creds");
        properties.put("quarkus.oss.credentials.credentials-provider-bean-name", "vault");
        properties.put("quarkus.oss.credentials.credentials-provider-keys.access-key-id", "ak");
        properties.put("quarkus.oss.credentials.credentials-provider-keys.access-key-secret", "sk");
        properties.put("quarkus.oss.credentials.credentials-provider-keys.security-token", "token");

        MultiMap sent = roundTrip("vault.txt");

        assertThat(calls.get()).isEqualTo(2);
        assertThat(sent.get("x-oss-security-token")).isEqualTo(STS_TOKEN);
    }

    @Test
    void aSourceWithTheWrongSecretIsRefusedByTheEmulator() throws Exception {
        // the negative of the tests above: the emulator really checks what the credentials source supplied
        environment.put("OSS_ACCESS_KEY_ID", KEY_ID);
        environment.put("OSS_ACCESS_KEY_SECRET", "not-the-secret");

        try (VertxReactiveOssClient reactive = client()) {
            OssClient client = new BlockingOssClient(reactive);
            assertThatThrownBy(() -> client.putObject("refused.txt", new byte[] { 1 }, UploadOptions.defaults()))
                    .isInstanceOfSatisfying(OssException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.getMessage()).doesNotContain("not-the-secret");
                    });
        }
        assertThat(emulator.hasObject(BUCKET, "refused.txt")).isFalse();
    }

    /** Puts and gets an object with a client built from the configuration; returns the headers of the put. */
    private MultiMap roundTrip(String key) throws Exception {
        MultiMap put = new ConfiguredClients(vertx, emulator, proxy, BUCKET)
                .roundTrip(ConfiguredClients.resolve(environment, beans, properties), key);
        assertThat(put.get("Authorization")).startsWith("OSS4-HMAC-SHA256 Credential=" + KEY_ID + "/");
        return put;
    }

    private VertxReactiveOssClient client() {
        return new ConfiguredClients(vertx, emulator, proxy, BUCKET)
                .client(ConfiguredClients.resolve(environment, beans, properties));
    }
}
