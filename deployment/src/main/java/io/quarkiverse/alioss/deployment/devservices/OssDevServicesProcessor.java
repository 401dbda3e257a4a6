package io.quarkiverse.alioss.deployment.devservices;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.alioss.deployment.AliOssProcessor;
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
 * Dev Services for OSS: in dev and test mode, when no {@code quarkus.oss.endpoint} is configured, starts the OSS
 * emulator inside the JVM and points the default client and the callback endpoints at it. Never part of a production
 * build: the steps only run where Quarkus supports Dev Services (dev and test launch modes).
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
            CuratedApplicationShutdownBuildItem applicationShutdown) {
        OssBuildTimeConfig.DevServices devServices = buildConfig.devservices();
        Config config = ConfigProvider.getConfig();
        String reasonNotToStart = !devServices.enabled() ? DevServicesConfigKeys.ENABLED + " is false"
                : isSet(config, DevServicesConfigKeys.ENDPOINT) ? DevServicesConfigKeys.ENDPOINT + " is configured"
                        : null;
        if (reasonNotToStart != null) {
            LOG.debugf("Not starting Dev Services for OSS: %s", reasonNotToStart);
            stopRunning();
            return null;
        }
        EmulatorSettings settings = settings(devServices, config);
        RunningEmulator emulator = running;
        if (emulator == null || !emulator.settings().equals(settings)) {
            stopRunning();
            emulator = RunningEmulator.start(settings);
            running = emulator;
            logStarted(emulator);
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
        Map<String, String> values = staticConfig(settings, config, launchMode.getLaunchMode());
        values.putAll(startedConfig(emulator));
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

    static EmulatorSettings settings(OssBuildTimeConfig.DevServices devServices, Config config) {
        List<String> buckets = devServices.buckets().filter(list -> !list.isEmpty())
                .or(() -> config.getOptionalValue(DevServicesConfigKeys.BUCKET, String.class).map(List::of))
                .orElse(List.of(DEFAULT_BUCKET));
        String region = config.getOptionalValue(DevServicesConfigKeys.REGION, String.class)
                .orElse(OssEmulatorOptions.DEFAULT_REGION);
        return new EmulatorSettings(devServices.port().orElse(0), buckets, devServices.accessKeyId(),
                devServices.accessKeySecret(), region);
    }

    /** Values known before the emulator starts; keys the application sets itself are left alone. */
    static Map<String, String> staticConfig(EmulatorSettings settings, Config config, LaunchMode launchMode) {
        Map<String, String> values = new HashMap<>();
        // the emulator only accepts its own keys, so these replace whatever credentials type is configured
        values.put(DevServicesConfigKeys.CREDENTIALS_TYPE, "static");
        values.put(DevServicesConfigKeys.ACCESS_KEY_ID, settings.accessKeyId());
        values.put(DevServicesConfigKeys.ACCESS_KEY_SECRET, settings.accessKeySecret());
        putIfUnset(values, config, DevServicesConfigKeys.REGION, settings.region());
        putIfUnset(values, config, DevServicesConfigKeys.BUCKET, settings.buckets().get(0));
        if (!isSet(config, DevServicesConfigKeys.CALLBACK_BASE_URL)) {
            CallbackBaseUrl.pinRandomPort(config, launchMode);
            values.put(DevServicesConfigKeys.CALLBACK_BASE_URL, CallbackBaseUrl.expression(launchMode));
        }
        return values;
    }

    /** Values only known once the emulator listens (its port is picked at start). */
    static Map<String, String> startedConfig(RunningEmulator started) {
        Map<String, String> values = new HashMap<>();
        values.put(DevServicesConfigKeys.ENDPOINT, started.emulator().baseUrl());
        // The emulator signs callbacks with its own key; verification stays on and trusts exactly that key. The key is
        // pinned (given as PEM), not fetched: a packaged application started by @QuarkusIntegrationTest runs in
        // production mode, where a key URL must be https, and a pinned key needs no request at the first callback.
        values.put(OssConfigKeys.callbackTrustedKey(started.emulator().callbackPublicKeyUrl()),
                started.emulator().callbackPublicKeyPem());
        return values;
    }

    private static void logStarted(RunningEmulator started) {
        var emulator = started.emulator();
        LOG.infof("Dev Services for OSS: emulator listening on %s (region %s, buckets %s, access key id %s,"
                + " callback key %s)", emulator.baseUrl(), emulator.region(), started.settings().buckets(),
                emulator.accessKeyId(), emulator.callbackPublicKeyUrl());
    }

    private static void putIfUnset(Map<String, String> values, Config config, String key, String value) {
        if (!isSet(config, key)) {
            values.put(key, value);
        }
    }

    private static boolean isSet(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
