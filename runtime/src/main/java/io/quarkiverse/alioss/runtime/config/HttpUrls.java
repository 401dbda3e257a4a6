package io.quarkiverse.alioss.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Parses the absolute {@code http}/{@code https} URLs the configuration holds (endpoints, callback base URLs). */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** @return the URL, or empty after adding a problem for {@code key} */
    public static Optional<URI> parse(String value, String key, ConfigProblems problems) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            problems.add(key, "must start with http:// or https://, got '" + value + "'");
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problems.add(key, "must name a host, got '" + value + "'");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(key, "is not a valid URL (" + e.getReason() + "), got '" + value + "'");
            return Optional.empty();
        }
    }
}
