package io.quarkiverse.alioss.runtime.config;

import io.quarkiverse.alioss.OssClientName;

/** Full property names, so every error message names the exact key a user has to fix. */
public final class OssConfigKeys {

    public static final String PREFIX = "quarkus.oss";
    public static final String CALLBACK = "callback";
    public static final String DEVSERVICES = "devservices";

    private OssConfigKeys() {
    }

    /** {@code quarkus.oss.endpoint} for the default client, {@code quarkus.oss.name.endpoint} for a named one. */
    public static String client(String clientName, String property) {
        if (OssClientName.DEFAULT.equals(clientName)) {
            return PREFIX + "." + property;
        }
        // names containing a dot must be quoted to be read back as one map key
        String segment = clientName.indexOf('.') >= 0 ? "\"" + clientName + "\"" : clientName;
        return PREFIX + "." + segment + "." + property;
    }

    public static String callback(String property) {
        return PREFIX + "." + CALLBACK + "." + property;
    }

    /** Names that are groups of their own under {@code quarkus.oss} and so cannot name a client. */
    public static boolean isReservedClientName(String clientName) {
        return CALLBACK.equals(clientName) || DEVSERVICES.equals(clientName);
    }
}
