package io.quarkiverse.alioss.deployment.devservices;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;

import io.quarkiverse.alioss.runtime.config.OssConfigKeys;

/**
 * The named clients the configuration sets up, read from the property names at build time: the run-time client map
 * is not available to a build step. A property {@code quarkus.oss.<name>.<property>} (with or without a profile, a
 * dotted name in quotes) names a client when its property is one of
 * {@link DevServicesConfigKeys#CONFIGURING_PROPERTIES}, which also keeps the default client's own groups such as
 * {@code quarkus.oss.credentials.type} and {@code quarkus.oss.callback.*} from being taken for clients.
 */
final class ConfiguredClientNames {

    private static final String PREFIX = OssConfigKeys.PREFIX + ".";

    private ConfiguredClientNames() {
    }

    static Set<String> of(Config config) {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            String name = clientName(withoutProfile(property));
            if (name != null && !OssConfigKeys.isReservedClientName(name)) {
                names.add(name);
            }
        }
        // a name is kept only when its key is also set for the active profile
        names.removeIf(name -> DevServicesConfigKeys.CONFIGURING_PROPERTIES.stream()
                .noneMatch(property -> EmulatedClients.configured(config, name, property).isPresent()));
        return names;
    }

    private static String withoutProfile(String property) {
        return property.startsWith("%") && property.indexOf('.') > 0 ? property.substring(property.indexOf('.') + 1)
                : property;
    }

    /** The client a property belongs to, or null when it is not a named client's configuring property. */
    private static String clientName(String property) {
        if (!property.startsWith(PREFIX)) {
            return null;
        }
        String rest = property.substring(PREFIX.length());
        int end;
        String name;
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close < 0) {
                return null;
            }
            name = rest.substring(1, close);
            end = close + 1;
        } else {
            end = rest.indexOf('.');
            if (end < 0) {
                return null;
            }
            name = rest.substring(0, end);
        }
        if (name.isEmpty() || end >= rest.length() || rest.charAt(end) != '.') {
            return null;
        }
        return DevServicesConfigKeys.CONFIGURING_PROPERTIES.contains(rest.substring(end + 1)) ? name : null;
    }
}
