package io.quarkiverse.alioss.runtime.config;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

/**
 * The validated settings of the running application, filled at start-up (before the application serves requests)
 * by {@link OssConfigRecorder}. The OSS client and the callback endpoints read their settings here.
 */
@Singleton
public class OssSettingsRegistry {

    private volatile OssConfigValidator.Result result;

    void publish(OssConfigValidator.Result result) {
        this.result = result;
    }

    /**
     * @return the settings of {@code clientName} if it is configured ({@link io.quarkiverse.alioss.OssClientName#DEFAULT} for
     *         the default client)
     */
    public Optional<OssClientSettings> client(String clientName) {
        return Optional.ofNullable(validated().clients().get(clientName));
    }

    /** @return the names of all validated clients */
    public Set<String> clientNames() {
        return validated().clients().keySet();
    }

    public OssCallbackSettings callback() {
        return validated().callback();
    }

    private OssConfigValidator.Result validated() {
        OssConfigValidator.Result current = result;
        if (current == null) {
            throw new IllegalStateException("The OSS configuration has not been validated yet; it is at start-up");
        }
        return current;
    }
}
