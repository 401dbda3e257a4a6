package io.quarkiverse.alioss.runtime.config;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;

/**
 * The validated settings of the running application: the one place the OSS clients and the callback endpoints read
 * them. The configuration is resolved once, on the first read at start-up, whichever run-time init step reads first
 * (the start-up validation or the callback routes): both then see the same settings or the same failure.
 */
@Singleton
public class OssSettingsRegistry {

    /** What the build found the application uses; set at static init, before any read. */
    private volatile Uses uses;
    private OssConfigValidator.Result result;
    private ConfigurationException failure;

    /** What the application uses, which decides what must be configured. */
    record Uses(boolean defaultClient, Set<String> callbackNames) {
        Uses {
            callbackNames = Set.copyOf(callbackNames);
        }
    }

    void expect(Uses uses) {
        this.uses = uses;
    }

    /**
     * @return the settings of {@code clientName} if it is configured ({@link io.quarkiverse.alioss.OssClientName#DEFAULT}
     *         for the default client)
     */
    public Optional<ClientOptions> client(String clientName) {
        return Optional.ofNullable(validated().clients().get(clientName));
    }

    /** @return the names of all validated clients: the default client first, then the named clients by name */
    public Set<String> clientNames() {
        return validated().clients().keySet();
    }

    /** @return the {@code quarkus.oss.callback.*} settings */
    public OssCallbackSettings callback() {
        return validated().callback();
    }

    /** @throws ConfigurationException naming every wrong key, the same on every call */
    synchronized OssConfigValidator.Result validated() {
        if (result == null && failure == null) {
            Uses expected = uses;
            if (expected == null) {
                throw new IllegalStateException("The OSS settings are read before the application is initialised");
            }
            OssRuntimeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                    .getConfigMapping(OssRuntimeConfig.class);
            try {
                result = new OssConfigValidator(OssClientOptionsResolver.forApplication()).validate(config,
                        expected.defaultClient(), LaunchMode.current().isDevOrTest(), expected.callbackNames());
            } catch (ConfigurationException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
