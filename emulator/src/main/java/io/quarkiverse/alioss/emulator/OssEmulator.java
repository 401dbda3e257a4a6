package io.quarkiverse.alioss.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.alioss.emulator.auth.EmulatorCredentials;
import io.quarkiverse.alioss.emulator.auth.RequestAuthenticator;
import io.quarkiverse.alioss.emulator.auth.TemporaryKeys;
import io.quarkiverse.alioss.emulator.callback.CallbackDeliveries;
import io.quarkiverse.alioss.emulator.callback.CallbackPerformer;
import io.quarkiverse.alioss.emulator.callback.CallbackPerformerOptions;
import io.quarkiverse.alioss.emulator.callback.CallbackSigningKey;
import io.quarkiverse.alioss.emulator.cloud.CloudServer;
import io.quarkiverse.alioss.emulator.fault.FaultInjector;
import io.quarkiverse.alioss.emulator.server.CallbackCompletion;
import io.quarkiverse.alioss.emulator.server.OssServer;
import io.quarkiverse.alioss.emulator.server.RequestCounts;
import io.quarkiverse.alioss.emulator.server.ServerDeployment;
import io.quarkiverse.alioss.emulator.store.BlobStorage;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.vertx.core.Vertx;

/**
 * An OSS-compatible server for dev, tests and benchmarks. Start one with {@link #start(OssEmulatorOptions)}; several
 * may run in one JVM. Clients use {@link #baseUrl()} as a path-style endpoint with {@link #accessKeyId()} and
 * {@link #accessKeySecret()}; callbacks are signed with a key served at {@link #callbackPublicKeyUrl()}. The cloud
 * services credential providers call (STS and the ECS metadata service) answer at {@link #cloudUrl()}.
 */
public final class OssEmulator implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;

    private final OssEmulatorOptions options;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final ObjectStore store;
    private final FaultInjector faults;
    private final ServerDeployment server;
    private final String baseUrl;
    private final CallbackCompletion completion;
    private final String callbackKeyPem;
    private final RequestCounts requests;
    private final CloudServer cloud;
    private final CallbackDeliveries deliveries;

    private OssEmulator(OssEmulatorOptions options, Vertx vertx, boolean ownsVertx, ObjectStore store,
            FaultInjector faults, ServerDeployment server, CallbackCompletion completion, String callbackKeyPem,
            RequestCounts requests, CloudServer cloud, CallbackDeliveries deliveries) {
        this.cloud = cloud;
        this.requests = requests;
        this.deliveries = deliveries;
        this.completion = completion;
        this.callbackKeyPem = callbackKeyPem;
        this.options = options;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.store = store;
        this.faults = faults;
        this.server = server;
        this.baseUrl = "http://" + options.host() + ":" + server.port();
    }

    /** Starts an emulator and waits until it listens. */
    public static OssEmulator start(OssEmulatorOptions options) {
        boolean ownsVertx = options.vertx() == null;
        Vertx vertx = ownsVertx ? Vertx.vertx() : options.vertx();
        ObjectStore store = null;
        try {
            Clock clock = Clock.systemUTC();
            store = options.dataDir() == null ? new ObjectStore(BlobStorage.inMemory(vertx), clock)
                    : ObjectStore.inDirectory(vertx, createDirectory(options), clock);
            options.buckets().forEach(store::createBucket);
            FaultInjector faults = new FaultInjector();
            options.faults().forEach(faults::set);
            EmulatorCredentials key = new EmulatorCredentials(options.accessKeyId(), options.accessKeySecret(),
                    options.region());
            TemporaryKeys temporaryKeys = new TemporaryKeys(clock);
            RequestAuthenticator authenticator = new RequestAuthenticator(key, temporaryKeys, clock);
            CallbackSigningKey signingKey = CallbackSigningKey.generate();
            // the key URL is only known once the port is: the performer reads it lazily
            String[] keyUrl = new String[1];
            CallbackDeliveries deliveries = new CallbackDeliveries();
            CallbackCompletion completion = new CallbackCompletion(() -> new CallbackPerformer(vertx, signingKey,
                    keyUrl[0], CallbackPerformerOptions.defaults(), deliveries));
            OssServer handler = new OssServer(vertx, store, authenticator, faults, clock, options.region(),
                    signingKey.publicKeyPem(), completion, deliveries, options.customDomains());
            ServerDeployment server = ServerDeployment
                    .deploy(vertx, handler, options.host(), options.port(), options.eventLoops())
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            CloudServer cloud = CloudServer.start(vertx, options.host(), key, temporaryKeys, options.ecsRoleName(),
                    options.temporaryCredentialLifetime(), clock)
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            OssEmulator emulator = new OssEmulator(options, vertx, ownsVertx, store, faults, server, completion,
                    signingKey.publicKeyPem(), handler.counts(), cloud, deliveries);
            keyUrl[0] = emulator.callbackPublicKeyUrl();
            return emulator;
        } catch (Exception e) {
            if (store != null) {
                store.close();
            }
            if (ownsVertx) {
                vertx.close();
            }
            throw new IllegalStateException("The OSS emulator could not start on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
    }

    private static java.nio.file.Path createDirectory(OssEmulatorOptions options) {
        try {
            return Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + options.dataDir(), e);
        }
    }

    /** Path-style endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    public String accessKeyId() {
        return options.accessKeyId();
    }

    public String accessKeySecret() {
        return options.accessKeySecret();
    }

    public String region() {
        return options.region();
    }

    /**
     * The emulated cloud services on a port of their own, e.g. {@code http://127.0.0.1:41235}: STS ({@code AssumeRole},
     * {@code AssumeRoleWithOIDC}) at any path but {@code /latest/}, and the ECS instance metadata service (session
     * token, RAM role {@link OssEmulatorOptions#ecsRoleName()}) under {@code /latest/}. Use it as the STS endpoint and
     * as the metadata endpoint.
     */
    public String cloudUrl() {
        return "http://" + options.host() + ":" + cloud.port();
    }

    /** Where the public key of the emulator's callback signatures is served (no authentication). */
    public String callbackPublicKeyUrl() {
        return baseUrl + OssServer.CALLBACK_KEY_PATH;
    }

    /**
     * The PEM (X.509 SubjectPublicKeyInfo) of the key this instance signs callbacks with, the same text as served at
     * {@link #callbackPublicKeyUrl()}: what a verifier must trust to accept its callbacks.
     */
    public String callbackPublicKeyPem() {
        return callbackKeyPem;
    }

    /** Fault rules of this running instance; changes apply to the next request. */
    public FaultInjector faults() {
        return faults;
    }

    /** Requests received per OSS operation, e.g. {@code requests().of("HeadObject")}. */
    public RequestCounts requests() {
        return requests;
    }

    /** The callback requests this instance sent, most recent first (the last 100). */
    public CallbackDeliveries callbackDeliveries() {
        return deliveries;
    }

    /** Creates a bucket if missing. */
    public OssEmulator createBucket(String name) {
        BucketNames.check(name);
        store.createBucket(name);
        return this;
    }

    public boolean hasObject(String bucket, String key) {
        return store.bucket(bucket).flatMap(b -> b.get(key)).isPresent();
    }

    /**
     * Stops listening, frees the stored bytes (with a data directory: leaves them there for the next start) and, when
     * it created it, closes its Vert.x.
     */
    @Override
    public void close() {
        try {
            server.close().eventually(completion::close).eventually(cloud::close)
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        } finally {
            store.close();
            if (ownsVertx) {
                vertx.close();
            }
        }
    }
}
