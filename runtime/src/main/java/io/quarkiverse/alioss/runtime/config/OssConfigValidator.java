package io.quarkiverse.alioss.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Validates the whole {@code quarkus.oss} configuration at start-up: the callback section, every named client and
 * the default client when it is configured or required. Reports the problems of all of them in one exception.
 */
final class OssConfigValidator {

    private final OssClientOptionsResolver resolver;

    public OssConfigValidator(OssClientOptionsResolver resolver) {
        this.resolver = resolver;
    }

    /** The outcome of a successful validation. */
    public record Result(OssCallbackSettings callback, Map<String, ClientOptions> clients) {
    }

    /**
     * @param defaultClientRequired whether the default client must be valid even when none of its keys is set
     *        (because the application injects it)
     * @param devOrTest whether the application runs in dev or test mode, where a callback token secret is generated
     * @param callbackNames the names of the application's {@code @OssCallback} methods, which need a base URL and a
     *        token secret in production
     * @throws ConfigurationException naming every wrong key of every client and of the callback section
     */
    public Result validate(OssRuntimeConfig config, boolean defaultClientRequired, boolean devOrTest,
            Set<String> callbackNames) {
        List<String> messages = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        OssCallbackSettings callback = null;
        try {
            callback = OssCallbackSettingsResolver.resolve(config.callback(), devOrTest, callbackNames);
        } catch (ConfigurationException e) {
            messages.add(e.getMessage());
            keys.addAll(e.getConfigKeys());
        }
        Map<String, ClientOptions> clients = new LinkedHashMap<>();
        for (String name : clientNames(config, defaultClientRequired)) {
            try {
                clients.put(name, resolver.resolve(name, config));
            } catch (ConfigurationException e) {
                messages.add(e.getMessage());
                keys.addAll(e.getConfigKeys());
            }
        }
        if (!messages.isEmpty()) {
            throw new ConfigurationException(String.join("\n", messages), keys);
        }
        // keeps the order: a bucket's client is looked up default client first, then by name
        return new Result(callback, Collections.unmodifiableMap(clients));
    }

    /** The default client first (when it is to be validated), then the named clients in name order. */
    static Set<String> clientNames(OssRuntimeConfig config, boolean defaultClientRequired) {
        Set<String> names = new LinkedHashSet<>();
        OssClientConfig defaultClient = config.clients().get(OssClientName.DEFAULT);
        if (defaultClientRequired || defaultClient != null && isConfigured(defaultClient)) {
            names.add(OssClientName.DEFAULT);
        }
        for (String name : new TreeSet<>(config.clients().keySet())) {
            if (!OssClientName.DEFAULT.equals(name) && !isGroupSeenAsClient(name, config.clients().get(name))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The client map also picks up {@code callback}, {@code devservices}, {@code health} and {@code metrics}: it cannot tell
     * {@code quarkus.oss.callback.read-timeout} from a client's {@code read-timeout} once a key it does not map (such
     * as the build-time {@code quarkus.oss.callback.token.store}) sits next to it. Only client keys there are a
     * misplaced client, reported as such.
     */
    private static boolean isGroupSeenAsClient(String name, OssClientConfig client) {
        return OssConfigKeys.isReservedClientName(name) && !isConfigured(client);
    }

    /** Whether the user set any key that only makes sense for a client that is meant to be used. */
    static boolean isConfigured(OssClientConfig client) {
        OssCredentialsConfig credentials = client.credentials();
        return client.endpoint().isPresent() || client.region().isPresent() || client.bucket().isPresent()
                || credentials.type().isPresent() || credentials.accessKeyId().isPresent()
                || credentials.accessKeySecret().isPresent() || credentials.customBean().isPresent()
                || credentials.credentialsProviderName().isPresent();
    }
}
