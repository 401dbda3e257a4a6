package io.quarkiverse.alioss.deployment.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;

/**
 * The callback base URL Dev Services gives the application: the application itself, as the in-JVM emulator reaches
 * it, {@code http://localhost:<the application's HTTP port>}.
 * <p>
 * The port is the hard part. The callback settings are read when the application starts, before Vert.x HTTP binds
 * its socket, so with {@code quarkus.http.test-port=0} (or {@code quarkus.http.port=0} in dev mode) the real port is
 * not known yet when the URL is needed. So when the configured port is 0, Dev Services picks a free port itself at
 * build time and pins it as a system property, which outranks {@code application.properties}: the HTTP server binds
 * exactly that port and the base URL, a config expression over the same property, resolves to it. The pin is removed
 * when the application closes. A fixed configured port is used as it is.
 */
final class CallbackBaseUrl {

    private static final Logger LOG = Logger.getLogger(CallbackBaseUrl.class);

    /** Quarkus binds {@code localhost} in dev and test, and the emulator calls back from the same machine. */
    static final String HOST = "localhost";

    /** The property pinned by this class, and its value before; null when nothing is pinned. */
    private static volatile String pinnedProperty;
    private static volatile String previousValue;

    private CallbackBaseUrl() {
    }

    /** {@code http://localhost:${quarkus.http.test-port:8081}} in tests, {@code ...${quarkus.http.port:8080}} else. */
    static String expression(LaunchMode launchMode) {
        return "http://" + HOST + ":${" + portProperty(launchMode) + ":" + defaultPort(launchMode) + "}";
    }

    /** Replaces a configured port of 0 with a free port, so the callback base URL can name it before start. */
    static void pinRandomPort(Config config, LaunchMode launchMode) {
        String property = portProperty(launchMode);
        int configured = config.getOptionalValue(property, Integer.class).orElse(defaultPort(launchMode));
        if (configured != 0) {
            return;
        }
        int port = freePort();
        String previous = System.setProperty(property, String.valueOf(port));
        if (pinnedProperty == null) {
            pinnedProperty = property;
            previousValue = previous;
        }
        LOG.debugf("Dev Services for OSS: %s=0, pinned to the free port %d so callbacks can reach the application",
                property, port);
    }

    /** Restores the port property as it was before {@link #pinRandomPort}. */
    static void releasePin() {
        String property = pinnedProperty;
        if (property == null) {
            return;
        }
        if (previousValue == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previousValue);
        }
        pinnedProperty = null;
        previousValue = null;
    }

    private static String portProperty(LaunchMode launchMode) {
        return launchMode == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
    }

    private static int defaultPort(LaunchMode launchMode) {
        return launchMode == LaunchMode.TEST ? 8081 : 8080;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Dev Services for OSS could not find a free port for the application", e);
        }
    }
}
