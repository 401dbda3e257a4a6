package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.credentials.CredentialsSource;
import io.quarkiverse.alioss.runtime.credentials.ExpiringCredentials;
import io.quarkiverse.alioss.runtime.credentials.TemporaryCredentialsProvider;
import io.quarkus.credentials.CredentialsProvider;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The credential types for Alibaba Cloud against the emulator's STS and ECS metadata service, which issue credentials
 * that live three seconds: each type signs real requests, refreshes in the background and never fetches on an event
 * loop.
 */
class CloudCredentialTypesAgainstEmulatorTest {

    private static final String BUCKET = "cloud-creds";
    private static final String KEY_ID = "cloud-test-key-id";
    private static final String KEY_SECRET = "cloud-test-key-secret";
    private static final String ROLE_ARN = "acs:ram::1234567890123456:role/uploader";
    private static final String OIDC_PROVIDER_ARN = "acs:ram::1234567890123456:oidc-provider/ack";
    private static final Duration LIFETIME = Duration.ofSeconds(3);

    private static Vertx vertx;
    private static OssEmulator emulator;
    private static RecordingProxy proxy;

    @TempDir
    Path dir;
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, Object> beans = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).accessKeyId(KEY_ID)
                .accessKeySecret(KEY_SECRET).temporaryCredentialLifetime(LIFETIME).eventLoops(1).build());
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
        properties.put("quarkus.oss.credentials.sts-endpoint", emulator.cloudUrl());
        properties.put("quarkus.oss.credentials.ecs-ram-role.metadata-endpoint", emulator.cloudUrl());
    }

    @Test
    void ecsRamRoleDiscoversTheRoleAndSignsWithItsStsCredentials() throws Exception {
        properties.put("quarkus.oss.credentials.type", "ecs-ram-role");
        assertSignedWithStsCredentials(roundTrip("ecs.txt"));
    }

    @Test
    void assumeRoleSignedWithAStaticKey() throws Exception {
        properties.put("quarkus.oss.credentials.type", "assume-role");
        properties.put("quarkus.oss.credentials.assume-role.source", "static");
        properties.put("quarkus.oss.credentials.assume-role.role-arn", ROLE_ARN);
        properties.put("quarkus.oss.credentials.access-key-id", KEY_ID);
        properties.put("quarkus.oss.credentials.access-key-secret", KEY_SECRET);
        assertSignedWithStsCredentials(roundTrip("assume-static.txt"));
    }

    @Test
    void assumeRoleSignedWithTheEcsRoleAndItsToken() throws Exception {
        properties.put("quarkus.oss.credentials.type", "assume-role");
        properties.put("quarkus.oss.credentials.assume-role.source", "ecs-ram-role");
        properties.put("quarkus.oss.credentials.assume-role.role-arn", ROLE_ARN);
        assertSignedWithStsCredentials(roundTrip("assume-ecs.txt"));
    }

    @Test
    void oidcRoleFromTheRrsaEnvironmentVariables() throws Exception {
        properties.put("quarkus.oss.credentials.type", "oidc-role");
        rrsaEnvironment();
        assertSignedWithStsCredentials(roundTrip("oidc.txt"));
    }

    @Test
    void profileInIniFileAssumesTheRamRole() throws Exception {
        Path ini = Files.writeString(dir.resolve("credentials.ini"), String.join("\n",
                "[default]", "enable = true", "type = access_key", "access_key_id = other", "access_key_secret = x",
                "", "[uploader] ; the one we use", "enable = true", "type = ram_role_arn",
                "access_key_id = " + KEY_ID, "access_key_secret = " + KEY_SECRET, "role_arn = " + ROLE_ARN,
                "role_session_name = ini-session"));
        properties.put("quarkus.oss.credentials.type", "profile");
        properties.put("quarkus.oss.credentials.profile.file", ini.toString());
        environment.put("ALIBABA_CLOUD_PROFILE", "uploader");
        assertSignedWithStsCredentials(roundTrip("profile-ini.txt"));
    }

    @Test
    void profileInCliConfigUsesTheEcsRole() throws Exception {
        Path json = Files.writeString(dir.resolve("config.json"), new JsonObject().put("current", "ecs")
                .put("profiles", List.of(new JsonObject().put("name", "default").put("mode", "EcsRamRole")
                        .put("ram_role_name", OssEmulatorOptions.DEFAULT_ECS_ROLE_NAME)))
                .encodePrettily());
        properties.put("quarkus.oss.credentials.type", "profile");
        properties.put("quarkus.oss.credentials.profile.file", json.toString());
        assertSignedWithStsCredentials(roundTrip("profile-json.txt"));
    }

    @Test
    void defaultChainTakesTheOidcRoleWhenItsVariablesAreSet() throws Exception {
        properties.put("quarkus.oss.credentials.type", "default-chain");
        properties.put("quarkus.oss.credentials.profile.file", dir.resolve("absent.ini").toString());
        rrsaEnvironment();
        OssCredentialsProvider provider = resolve();
        assertThat(provider.toString()).startsWith("oidc-role");
        assertSignedWithStsCredentials(roundTrip("chain.txt"));
    }

    @Test
    void defaultChainFallsBackToTheEcsRole() throws Exception {
        properties.put("quarkus.oss.credentials.type", "default-chain");
        properties.put("quarkus.oss.credentials.profile.file", dir.resolve("absent.ini").toString());
        assertThat(resolve().toString()).startsWith("ecs-ram-role");
    }

    @Test
    void credentialsLivingThreeSecondsAreRefreshedAheadDuringTenSecondsOfUploads() throws Exception {
        properties.put("quarkus.oss.credentials.type", "ecs-ram-role");
        int before = proxy.requestHeaders().size();
        int uploads = 0;
        try (VertxReactiveOssClient reactive = client()) {
            OssClient client = new BlockingOssClient(reactive);
            Instant end = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(end)) {
                client.putObject("long-run-" + uploads++, new byte[] { 1, 2, 3 }, UploadOptions.defaults());
                Thread.sleep(50);
            }
        }
        Set<String> keys = proxy.requestHeaders().subList(before, proxy.requestHeaders().size()).stream()
                .map(h -> h.get("Authorization").split("Credential=")[1].split("/")[0]).collect(Collectors.toSet());
        assertThat(uploads).isGreaterThan(20);
        assertThat(keys).as("a new STS key at least every three seconds").hasSizeGreaterThanOrEqualTo(4)
                .allMatch(id -> id.startsWith("STS."));
    }

    @Test
    void expiredCredentialsAreRefusedByTheEmulatorWhenRefreshIsBroken() throws Exception {
        ExpiringCredentials issued = fromMetadataService();
        AtomicInteger fetches = new AtomicInteger();
        CredentialsSource brokenAfterFirst = new CredentialsSource() {
            @Override
            public String describe() {
                return "test-metadata-source";
            }

            @Override
            public Fetch open(io.vertx.mutiny.core.Vertx v, io.vertx.mutiny.ext.web.client.WebClient web) {
                return () -> fetches.getAndIncrement() == 0 ? Uni.createFrom().item(issued)
                        : Uni.createFrom().failure(new IllegalStateException("metadata service unreachable"));
            }
        };
        try (VertxReactiveOssClient reactive = client(new TemporaryCredentialsProvider(brokenAfterFirst,
                Duration.ofMinutes(5)))) {
            OssClient client = new BlockingOssClient(reactive);
            client.putObject("before-expiry.txt", new byte[] { 1 }, UploadOptions.defaults());
            Thread.sleep(Duration.between(Instant.now(), issued.expiration()).toMillis() + 1500);
            assertThatThrownBy(() -> client.putObject("after-expiry.txt", new byte[] { 1 }, UploadOptions.defaults()))
                    .isInstanceOfSatisfying(OssException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo("SecurityTokenExpired");
                        assertThat(e.getMessage()).contains("test-metadata-source")
                                .contains("metadata service unreachable")
                                .doesNotContain(issued.credentials().accessKeySecret())
                                .doesNotContain(issued.credentials().securityToken().orElseThrow());
                    });
        }
        assertThat(fetches.get()).as("refresh was tried").isGreaterThan(1);
        assertThat(emulator.hasObject(BUCKET, "after-expiry.txt")).isFalse();
    }

    @Test
    void aCustomProviderIsNeverCalledOnAnEventLoopThread() throws Exception {
        List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
        beans.put("recording", (OssCredentialsProvider) () -> {
            onEventLoop.add(Context.isOnEventLoopThread());
            return OssCredentials.of(KEY_ID, KEY_SECRET);
        });
        properties.put("quarkus.oss.credentials.type", "custom");
        properties.put("quarkus.oss.credentials.custom-bean", "recording");
        assertAskedOnlyOffTheEventLoop("custom-loop.txt", onEventLoop);
    }

    @Test
    void aQuarkusCredentialsProviderIsNeverCalledOnAnEventLoopThread() throws Exception {
        List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
        beans.put("vault", new CredentialsProvider() {
            @Override
            public Map<String, String> getCredentials(String name) {
                onEventLoop.add(Context.isOnEventLoopThread());
                return Map.of("user", KEY_ID, "password", KEY_SECRET);
            }
        });
        properties.put("quarkus.oss.credentials.type", "credentials-provider");
        properties.put("quarkus.oss.credentials.credentials-provider-name", "oss");
        properties.put("quarkus.oss.credentials.credentials-provider-bean-name", "vault");
        assertAskedOnlyOffTheEventLoop("vault-loop.txt", onEventLoop);
    }

    /** Puts and gets {@code key} from an event loop, as a reactive route would, and checks where the provider ran. */
    private void assertAskedOnlyOffTheEventLoop(String key, List<Boolean> onEventLoop) throws Exception {
        try (VertxReactiveOssClient reactive = client()) {
            vertx.runOnContext(v -> reactive.putObject(key, new byte[] { 1 }, UploadOptions.defaults())
                    .chain(() -> reactive.getObject(key)).subscribe().with(x -> {
                    }, f -> {
                    }));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!emulator.hasObject(BUCKET, key) || onEventLoop.size() < 2) {
                assertThat(System.currentTimeMillis()).as("the put and the get are done").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        assertThat(onEventLoop).as("asked once per request, never on an event loop").containsOnly(false);
    }

    private void rrsaEnvironment() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.c2lnbmF0dXJl\n");
        environment.put("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN);
        environment.put("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER_ARN);
        environment.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString());
    }

    /** Temporary credentials straight from the emulator's metadata service, as a test source hands them out. */
    private static ExpiringCredentials fromMetadataService() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = http.send(HttpRequest.newBuilder(URI.create(emulator.cloudUrl() + "/latest/api/token"))
                .header("X-aliyun-ecs-metadata-token-ttl-seconds", "60").PUT(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonObject json = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(emulator.cloudUrl()
                + "/latest/meta-data/ram/security-credentials/" + OssEmulatorOptions.DEFAULT_ECS_ROLE_NAME))
                .header("X-aliyun-ecs-metadata-token", token).build(), HttpResponse.BodyHandlers.ofString()).body());
        return new ExpiringCredentials(OssCredentials.of(json.getString("AccessKeyId"),
                json.getString("AccessKeySecret"), json.getString("SecurityToken")),
                Instant.parse(json.getString("Expiration")));
    }

    private static void assertSignedWithStsCredentials(MultiMap put) {
        assertThat(put.get("Authorization")).startsWith("OSS4-HMAC-SHA256 Credential=STS.");
        assertThat(put.get("x-oss-security-token")).isNotBlank();
    }

    private MultiMap roundTrip(String key) throws Exception {
        return clients().roundTrip(resolve(), key);
    }

    private OssCredentialsProvider resolve() {
        return ConfiguredClients.resolve(environment, beans, properties);
    }

    private VertxReactiveOssClient client() {
        return clients().client(resolve());
    }

    private VertxReactiveOssClient client(OssCredentialsProvider credentials) {
        return clients().client(credentials);
    }

    private static ConfiguredClients clients() {
        return new ConfiguredClients(vertx, emulator, proxy, BUCKET);
    }
}
