package io.quarkiverse.alioss.deployment.devservices;

import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.ACCESS_KEY_ID;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.ACCESS_KEY_SECRET;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.BUCKET;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.CREDENTIALS_TYPE;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.ENDPOINT;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.REGION;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.client;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.alioss.deployment.AliOssProcessor;
import io.quarkiverse.alioss.deployment.InjectedOssClientsBuildItem;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.runtime.config.OssBuildTimeConfig;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * Dev Services for OSS: in dev and test mode, when a client (the default one, or a named one configured or injected)
 * has no endpoint, starts the OSS emulator inside the JVM and points every such client and the callback endpoints at
 * it. Never part of a production build: the steps only run where Quarkus supports Dev Services (dev and test launch
 * modes).
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
class OssDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(OssDevServicesProcessor.class);

    static final String DEFAULT_BUCKET = "default-bucket";

    /**
     * The emulator outlives one application start: dev mode restarts keep it (and its objects) while its settings stay
     * the same. Only build steps of this class touch it, and Quarkus runs them one build at a time.
     */
    private static volatile RunningEmulator running;
    private static volatile boolean shutdownTaskRegistered;

    @BuildStep
    DevServicesResultBuildItem startEmulator(OssBuildTimeConfig buildConfig, LaunchModeBuildItem launchMode,
            CuratedApplicationShutdownBuildItem applicationShutdown, InjectedOssClientsBuildItem injected) {
        OssBuildTimeConfig.DevServices devServices = buildConfig.devservices();
        Config config = ConfigProvider.getConfig();
        EmulatedClients clients = devServices.enabled()
                ? EmulatedClients.of(config, injected.names(), firstBucket(devServices))
                : null;
        String reasonNotToStart = clients == null ? DevServicesConfigKeys.ENABLED + " is false"
                : clients.isEmpty() ? DevServicesConfigKeys.defaultClient(DevServicesConfigKeys.ENDPOINT)
                        + " is configured and so is the endpoint of every named client"
                        : null;
        if (reasonNotToStart != null) {
            LOG.debugf("Not starting Dev Services for OSS: %s", reasonNotToStart);
            stopRunning();
            return null;
        }
        EmulatorSettings settings = settings(devServices, config, clients);
        RunningEmulator emulator = running;
        if (emulator == null || !emulator.settings().equals(settings)) {
            stopRunning();
            emulator = RunningEmulator.start(settings);
            running = emulator;
            logStarted(emulator, clients);
        }
        if (!shutdownTaskRegistered) {
            shutdownTaskRegistered = true;
            // runs when the curated application closes: end of a test run, dev mode exit; not on a dev-mode restart
            applicationShutdown.addCloseTask(() -> {
                stopRunning();
                CallbackBaseUrl.releasePin();
                shutdownTaskRegistered = false;
            }, true);
        }
        Map<String, String> values = staticConfig(settings, clients, config, launchMode.getLaunchMode());
        values.putAll(startedConfig(emulator, clients));
        return DevServicesResultBuildItem.discovered()
                .feature(AliOssProcessor.FEATURE)
                .description("OSS emulator (in-JVM) on " + emulator.emulator().baseUrl())
                .config(values)
                .build();
    }

    private static void stopRunning() {
        RunningEmulator emulator = running;
        running = null;
        if (emulator != null) {
            emulator.close();
            LOG.debug("Dev Services for OSS: emulator stopped");
        }
    }

    /** The bucket of a default client that sets none: the first Dev Services bucket. */
    private static String firstBucket(OssBuildTimeConfig.DevServices devServices) {
        return devServices.buckets().filter(list -> !list.isEmpty()).map(list -> list.get(0)).orElse(DEFAULT_BUCKET);
    }

    static EmulatorSettings settings(OssBuildTimeConfig.DevServices devServices, Config config,
            EmulatedClients clients) {
        Set<String> buckets = new LinkedHashSet<>(devServices.buckets().orElse(List.of()));
        buckets.addAll(clients.buckets());
        return new EmulatorSettings(devServices.port().orElse(0), List.copyOf(buckets), devServices.accessKeyId(),
                devServices.accessKeySecret(), clients.region(config, OssEmulatorOptions.DEFAULT_REGION),
                devServices.dataDir().map(Path::toAbsolutePath).orElse(null));
    }

    /** Values known before the emulator starts; keys the application sets itself are left alone. */
    static Map<String, String> staticConfig(EmulatorSettings settings, EmulatedClients clients, Config config,
            LaunchMode launchMode) {
        Map<String, String> values = new HashMap<>();
        clients.clients().forEach((name, bucket) -> {
            // the emulator only accepts its own keys, so these replace whatever credentials type is configured
            values.put(client(name, CREDENTIALS_TYPE), "static");
            values.put(client(name, ACCESS_KEY_ID), settings.accessKeyId());
            values.put(client(name, ACCESS_KEY_SECRET), settings.accessKeySecret());
            region(name, settings.region(), config, values);
            if (EmulatedClients.configured(config, name, BUCKET).isEmpty()) {
                values.put(client(name, BUCKET), bucket);
            }
        });
        if (!isSet(config, DevServicesConfigKeys.CALLBACK_BASE_URL)) {
            CallbackBaseUrl.pinRandomPort(config, launchMode);
            values.put(DevServicesConfigKeys.CALLBACK_BASE_URL, CallbackBaseUrl.expression(launchMode));
        }
        return values;
    }

    /**
     * An emulated client without a region is given the emulator's. One with another region is given it too, with a
     * warning: its V4 signatures would otherwise all be refused.
     */
    private static void region(String clientName, String emulatorRegion, Config config, Map<String, String> values) {
        String key = client(clientName, REGION);
        Optional<String> own = EmulatedClients.configured(config, clientName, REGION);
        if (own.isPresent() && !own.get().equals(emulatorRegion)) {
            LOG.warnf("Dev Services for OSS: %s=%s is replaced by %s, the region the emulator checks V4 signatures"
                    + " against (the first region an emulated client sets)", key, own.get(), emulatorRegion);
        }
        if (own.isEmpty() || !own.get().equals(emulatorRegion)) {
            values.put(key, emulatorRegion);
        }
    }

    /** Values only known once the emulator listens (its port is picked at start). */
    static Map<String, String> startedConfig(RunningEmulator started, EmulatedClients clients) {
        Map<String, String> values = new HashMap<>();
        clients.clients().keySet().forEach(name -> values.put(client(name, ENDPOINT), started.emulator().baseUrl()));
        // The emulator signs callbacks with its own key; verification stays on and trusts exactly that key. The key is
        // pinned (given as PEM), not fetched: a packaged application started by @QuarkusIntegrationTest runs in
        // production mode, where a key URL must be https, and a pinned key needs no request at the first callback.
        values.put(OssConfigKeys.callbackTrustedKey(started.emulator().callbackPublicKeyUrl()),
                started.emulator().callbackPublicKeyPem());
        return values;
    }

    private static void logStarted(RunningEmulator started, EmulatedClients clients) {
        var emulator = started.emulator();
        Path dataDir = started.settings().dataDir();
        LOG.infof("Dev Services for OSS: emulator listening on %s (region %s, buckets %s, access key id %s,"
                + " callback key %s) for %s; %s", emulator.baseUrl(), emulator.region(), started.settings().buckets(),
                emulator.accessKeyId(), emulator.callbackPublicKeyUrl(), clients.clients().keySet().stream()
                        .map(OssConfigKeys::describeClient).collect(Collectors.joining(", ")),
                dataDir == null ? "objects kept in memory" : "objects kept in " + dataDir);
    }

    private static boolean isSet(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
