package io.quarkiverse.alioss.deployment.health;

import java.util.List;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An emulator of its own for each readiness test class, so that one test can stop it. QuarkusUnitTest loads test
 * classes twice (once to configure the application, once inside it), so the emulator is kept in the system properties
 * under a name per test class, as the {@link AutoCloseable} both class loaders know.
 */
final class HealthEmulator {

    static final String BUCKET = "photos";

    private HealthEmulator() {
    }

    /** The application with SmallRye Health and its default client on the emulator of {@code owner}. */
    static QuarkusUnitTest configure(QuarkusUnitTest app, Class<?> owner, String bucket) {
        return app.withApplicationRoot(jar -> jar.addClasses(HealthEmulator.class))
                .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-smallrye-health",
                        io.quarkus.builder.Version.getVersion())))
                .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
                .overrideConfigKey("quarkus.oss.endpoint", endpoint(owner))
                .overrideConfigKey("quarkus.oss.region", OssEmulatorOptions.DEFAULT_REGION)
                .overrideConfigKey("quarkus.oss.bucket", bucket)
                .overrideConfigKey("quarkus.oss.credentials.access-key-id", OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID)
                .overrideConfigKey("quarkus.oss.credentials.access-key-secret",
                        OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET);
    }

    static synchronized String endpoint(Class<?> owner) {
        String property = "alioss.test.health-emulator." + owner.getName();
        String url = System.getProperty(property + ".url");
        if (url == null) {
            OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().port(0).bucket(BUCKET).build());
            System.getProperties().put(property, emulator);
            url = emulator.baseUrl();
            System.setProperty(property + ".url", url);
        }
        return url;
    }

    /** Stops the emulator of {@code owner}: from then on it refuses connections. */
    static void stop(Class<?> owner) throws Exception {
        ((AutoCloseable) System.getProperties().get("alioss.test.health-emulator." + owner.getName())).close();
    }
}
