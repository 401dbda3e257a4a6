package io.quarkiverse.alioss.deployment.devservices;

import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.BUCKET;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.ENDPOINT;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.REGION;
import static io.quarkiverse.alioss.deployment.devservices.DevServicesConfigKeys.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;

/**
 * The clients Dev Services points at the emulator: every client, default or named, configured or only injected,
 * that has no endpoint of its own. A client with an endpoint talks to what it names and is left alone, whichever
 * other clients use the emulator; so the default client on real OSS does not keep a named one from the emulator.
 *
 * @param clients the emulated clients ({@link OssClientName#DEFAULT} first, then named ones by name) and the bucket
 *        each uses in the emulator: its own, or one named after it
 */
record EmulatedClients(Map<String, String> clients) {

    private static final Logger LOG = Logger.getLogger(EmulatedClients.class);
    private static final String GENERATED_BUCKET_SUFFIX = "-bucket";
    private static final int MAX_BUCKET_NAME = 63;

    EmulatedClients {
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    /**
     * @param injectedNames the client names injection points ask for
     * @param defaultBucket the bucket for a default client that sets none
     */
    static EmulatedClients of(Config config, Set<String> injectedNames, String defaultBucket) {
        Set<String> named = new TreeSet<>(ConfiguredClientNames.of(config));
        injectedNames.stream().filter(name -> !name.isBlank() && !OssConfigKeys.isReservedClientName(name))
                .forEach(named::add);
        named.remove(OssClientName.DEFAULT);
        Map<String, String> clients = new LinkedHashMap<>();
        if (!hasEndpoint(config, OssClientName.DEFAULT)) {
            clients.put(OssClientName.DEFAULT, configured(config, OssClientName.DEFAULT, BUCKET).orElse(defaultBucket));
        }
        for (String name : named) {
            if (hasEndpoint(config, name)) {
                LOG.debugf("Dev Services for OSS: %s is configured, so %s is not pointed at the emulator",
                        client(name, ENDPOINT), OssConfigKeys.describeClient(name));
                continue;
            }
            clients.put(name, configured(config, name, BUCKET).orElseGet(() -> {
                String bucket = generatedBucket(name);
                LOG.infof("Dev Services for OSS: %s is not set; %s uses the emulator bucket %s", client(name, BUCKET),
                        OssConfigKeys.describeClient(name), bucket);
                return bucket;
            }));
        }
        return new EmulatedClients(clients);
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    /** The buckets these clients use, in client order, each once. */
    List<String> buckets() {
        return clients.values().stream().distinct().toList();
    }

    /**
     * The emulator checks V4 signatures against one region: the first region an emulated client sets (the default
     * client first), else the emulator's default.
     */
    String region(Config config, String fallback) {
        return clients.keySet().stream().map(name -> configured(config, name, REGION)).flatMap(Optional::stream)
                .findFirst().orElse(fallback);
    }

    /** A bucket for a named client that sets none: its name made a valid bucket name, e.g. {@code eu-archive-bucket}. */
    static String generatedBucket(String clientName) {
        String base = clientName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        base = base.substring(0, Math.min(base.length(), MAX_BUCKET_NAME - GENERATED_BUCKET_SUFFIX.length()))
                .replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "client" : base) + GENERATED_BUCKET_SUFFIX;
    }

    private static boolean hasEndpoint(Config config, String clientName) {
        return configured(config, clientName, ENDPOINT).isPresent();
    }

    /** A client's value, whichever of the two spellings of a named client's key sets it. */
    static Optional<String> configured(Config config, String clientName, String property) {
        Stream<String> keys = OssClientName.DEFAULT.equals(clientName) ? Stream.of(client(clientName, property))
                : Stream.of(client(clientName, property), OssConfigKeys.quotedClient(clientName, property)).distinct();
        return keys.flatMap(key -> config.getOptionalValue(key, String.class).stream())
                .filter(value -> !value.isBlank()).findFirst();
    }
}
