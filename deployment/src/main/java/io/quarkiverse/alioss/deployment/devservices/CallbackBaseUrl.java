package io.quarkiverse.alioss.deployment.devservices;

import io.quarkus.runtime.LaunchMode;

/**
 * The callback base URL Dev Services gives the application: the application itself, as the in-JVM emulator reaches
 * it.
 * <p>
 * The HTTP port is not known at build time: tests may run with {@code quarkus.http.test-port=0}, and dev mode may be
 * started with any {@code quarkus.http.port}. So the value is a config expression, not a number. When Vert.x HTTP has
 * bound a random port it publishes the real one as the {@code quarkus.http.port} / {@code quarkus.http.test-port}
 * system properties, which outrank the configured 0; the callback templates read
 * {@code quarkus.oss.callback.base-url} each time they are filled, so the expression resolves to the port the
 * application really listens on.
 */
final class CallbackBaseUrl {

    /** Quarkus binds {@code localhost} in dev and test, and the emulator calls back from the same machine. */
    static final String HOST = "localhost";

    private CallbackBaseUrl() {
    }

    static String expression(LaunchMode launchMode) {
        String port = launchMode == LaunchMode.TEST ? "${quarkus.http.test-port:8081}" : "${quarkus.http.port:8080}";
        return "http://" + HOST + ":" + port;
    }
}
