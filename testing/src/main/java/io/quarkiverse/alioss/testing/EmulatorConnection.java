package io.quarkiverse.alioss.testing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;

/**
 * Where the Dev Services emulator of the running application listens, the key pair it accepts, its default bucket
 * and where it calls the application back: all read from the configuration Dev Services gave the application.
 */
record EmulatorConnection(URI endpoint, String region, OssCredentials credentials, String bucket,
        String callbackBaseUrl) {

    static final String ENDPOINT = key("endpoint");
    static final String REGION = key("region");
    static final String BUCKET = key("bucket");
    static final String ACCESS_KEY_ID = key("credentials.access-key-id");
    static final String ACCESS_KEY_SECRET = key("credentials.access-key-secret");
    static final String BASE_URL = OssConfigKeys.callback("base-url");

    /**
     * @throws IllegalStateException when the application does not run against an emulator Dev Services started, naming
     *         the key that shows it
     */
    static EmulatorConnection of(Config config) {
        String endpoint = required(config, ENDPOINT);
        // Dev Services pins the key of the emulator it starts under the emulator's key URL
        String trustedKey = OssConfigKeys.callbackTrustedKey(trimSlashes(endpoint) + ControlPaths.CALLBACK_KEY);
        if (config.getOptionalValue(trustedKey, String.class).isEmpty()) {
            throw new IllegalStateException("The OSS test kit needs the emulator that Dev Services starts, but " + ENDPOINT
                    + "=" + endpoint + " is not one: " + trustedKey + " is not set. Leave " + ENDPOINT
                    + " unset in tests so that Dev Services starts the emulator.");
        }
        List<String> baseUrls = config.getOptionalValues(BASE_URL, String.class).orElse(List.of());
        return new EmulatorConnection(URI.create(trimSlashes(endpoint)), required(config, REGION),
                OssCredentials.of(required(config, ACCESS_KEY_ID), required(config, ACCESS_KEY_SECRET)),
                required(config, BUCKET), baseUrls.isEmpty() ? null : trimSlashes(baseUrls.get(0)));
    }

    /** The application's URL for a request path, as the emulator reaches it. */
    URI applicationUrl(String path) {
        if (callbackBaseUrl == null) {
            throw new IllegalStateException(BASE_URL + " is not set, so the emulator cannot reach the application");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("The path must start with '/', e.g. /oss/avatar; got " + path);
        }
        return URI.create(callbackBaseUrl + path);
    }

    private static String required(Config config, String key) {
        Optional<String> value = config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
        return value.orElseThrow(() -> new IllegalStateException("The OSS test kit reads " + key
                + ", which Dev Services sets when it starts the emulator; it is not set"));
    }

    private static String key(String property) {
        return OssConfigKeys.client(OssClientName.DEFAULT, property);
    }

    private static String trimSlashes(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
