package io.quarkiverse.alioss.deployment.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * One OSS emulator per test JVM, whose callbacks the apps under test trust through its key URL, and a free port per
 * app chosen before it starts so the callback base URL can name it.
 * <p>
 * QuarkusUnitTest loads test classes twice (JUnit's class loader and the application's), so the emulator and the
 * ports are created once per JVM and shared through system properties, as {@link TestCallbackKeys} does.
 */
final class TestEmulator {

    static final String BUCKET = "callbacks";

    private static final String PREFIX = "alioss.test.emulator.";

    private TestEmulator() {
    }

    /**
     * Configures {@code app} to serve HTTP on a free port, to use the emulator as its default client and to trust the
     * emulator's callback key. The callback token stays on with a known secret, so tests can issue tokens of their own.
     *
     * @param appName names the app's port, so both class loaders of one test class get the same port
     */
    static QuarkusUnitTest configure(QuarkusUnitTest app, String appName, String tokenSecret) {
        String port = appPort(appName);
        return app.overrideConfigKey("quarkus.http.test-port", port)
                .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
                .overrideConfigKey("quarkus.oss.endpoint", property("base-url"))
                .overrideConfigKey("quarkus.oss.region", property("region"))
                .overrideConfigKey("quarkus.oss.bucket", BUCKET)
                .overrideConfigKey("quarkus.oss.credentials.access-key-id", property("access-key-id"))
                .overrideConfigKey("quarkus.oss.credentials.access-key-secret", property("access-key-secret"))
                .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", keyUrl())
                .overrideConfigKey("quarkus.oss.callback.base-url", "http://localhost:" + port)
                .overrideConfigKey("quarkus.oss.callback.token.secret", tokenSecret);
    }

    /** Where the emulator serves the public key of its callback signatures. */
    static String keyUrl() {
        return property("key-url");
    }

    /** The emulator's path-style endpoint, e.g. {@code http://127.0.0.1:41234}. */
    static String baseUrl() {
        return property("base-url");
    }

    private static synchronized String appPort(String appName) {
        String key = PREFIX + "app-port." + appName;
        String port = System.getProperty(key);
        if (port == null) {
            port = String.valueOf(freePort());
            System.setProperty(key, port);
        }
        return port;
    }

    private static synchronized String property(String name) {
        if (System.getProperty(PREFIX + "base-url") == null) {
            start();
        }
        return System.getProperty(PREFIX + name);
    }

    private static void start() {
        // lives until the test JVM exits; every test class shares it and uses its own object keys
        OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().port(0).bucket(BUCKET).build());
        System.setProperty(PREFIX + "region", emulator.region());
        System.setProperty(PREFIX + "access-key-id", emulator.accessKeyId());
        System.setProperty(PREFIX + "access-key-secret", emulator.accessKeySecret());
        System.setProperty(PREFIX + "key-url", emulator.callbackPublicKeyUrl());
        System.setProperty(PREFIX + "base-url", emulator.baseUrl());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
