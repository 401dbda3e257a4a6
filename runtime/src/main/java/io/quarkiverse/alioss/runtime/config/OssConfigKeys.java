package io.quarkiverse.alioss.runtime.config;

import io.quarkiverse.alioss.OssClientName;

/**
 * Full property names and client descriptions, so every message names the exact key a user has to fix, spelled the
 * same whichever code noticed the problem.
 */
public final class OssConfigKeys {

    public static final String PREFIX = "quarkus.oss";
    public static final String CALLBACK = "callback";
    public static final String DEVSERVICES = "devservices";
    public static final String HEALTH = "health";
    public static final String METRICS = "metrics";

    private OssConfigKeys() {
    }

    /**
     * {@code quarkus.oss.endpoint} for the default client, {@code quarkus.oss.name.endpoint} for a named one and
     * {@code quarkus.oss."eu.archive".endpoint} for a name with a dot.
     * <p>
     * SmallRye Config reads a map key from one segment, so only a name with a dot needs quotes; quoting every name
     * would also be read back, but SmallRye Config quotes only dotted names in its own messages (for example when a
     * value cannot be converted), and the key must read the same in ours.
     */
    public static String client(String clientName, String property) {
        if (OssClientName.DEFAULT.equals(clientName)) {
            return PREFIX + "." + property;
        }
        String segment = clientName.indexOf('.') >= 0 ? "\"" + clientName + "\"" : clientName;
        return PREFIX + "." + segment + "." + property;
    }

    /**
     * {@code quarkus.oss."name".property}: the other spelling of a named client's key, the name in quotes even without
     * a dot. SmallRye Config maps both to the same client, but a plain look-up by name finds only the spelling used.
     */
    public static String quotedClient(String clientName, String property) {
        return PREFIX + ".\"" + clientName + "\"." + property;
    }

    /** {@code the default OSS client} or {@code the OSS client 'name'}, for messages about one client. */
    public static String describeClient(String clientName) {
        return OssClientName.DEFAULT.equals(clientName) ? "the default OSS client"
                : "the OSS client '" + clientName + "'";
    }

    public static String callback(String property) {
        return PREFIX + "." + CALLBACK + "." + property;
    }

    /**
     * {@code quarkus.oss.callback.trusted-keys."https://keys.example.com/k.pem"}: the key URL always has dots, so it is
     * always quoted.
     */
    public static String callbackTrustedKey(String keyUrl) {
        return callback("trusted-keys") + ".\"" + keyUrl + "\"";
    }

    /** {@code quarkus.oss.callback.endpoint."avatar".host}: the name is quoted, as it may hold any character. */
    public static String callbackEndpoint(String callbackName, String property) {
        return callback("endpoint") + ".\"" + callbackName + "\"." + property;
    }

    public static String devServices(String property) {
        return PREFIX + "." + DEVSERVICES + "." + property;
    }

    public static String health(String property) {
        return PREFIX + "." + HEALTH + "." + property;
    }

    public static String metrics(String property) {
        return PREFIX + "." + METRICS + "." + property;
    }

    /** Names that are groups of their own under {@code quarkus.oss} and so cannot name a client. */
    public static boolean isReservedClientName(String clientName) {
        return CALLBACK.equals(clientName) || DEVSERVICES.equals(clientName) || HEALTH.equals(clientName)
                || METRICS.equals(clientName);
    }
}
