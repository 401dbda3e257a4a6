package io.quarkiverse.alioss.runtime.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides the {@code auto} addressing style: local endpoints (IP literals, {@code localhost}, {@code *.localhost})
 * cannot resolve {@code bucket.host} names, so they get path-style; real OSS domains get virtual-hosted style.
 */
final class PathStyle {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PathStyle() {
    }

    /** @param host as returned by {@link java.net.URI#getHost()}: IPv6 literals keep their brackets */
    static boolean isAutoPathStyle(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") || h.indexOf(':') >= 0
                || IPV4.matcher(h).matches()
                || h.equals("localhost") || h.endsWith(".localhost");
    }
}
