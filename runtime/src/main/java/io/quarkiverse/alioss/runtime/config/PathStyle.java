package io.quarkiverse.alioss.runtime.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** The addressing style of an OSS client ({@code quarkus.oss.path-style}). */
public enum PathStyle {

    /**
     * Path-style for local endpoints (IP literals, {@code localhost}, {@code *.localhost}), which cannot resolve
     * {@code bucket.host} names; virtual-hosted style for any other endpoint.
     */
    AUTO,
    /** Always path-style: {@code http://endpoint/bucket/key}. */
    TRUE,
    /** Always virtual-hosted style: {@code https://bucket.endpoint/key}. */
    FALSE;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * @param host as returned by {@link java.net.URI#getHost()}: IPv6 literals keep their brackets
     * @return whether a client of this endpoint host addresses objects path-style
     */
    boolean isPathStyleFor(String host) {
        return switch (this) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> isLocal(host.toLowerCase(Locale.ROOT));
        };
    }

    private static boolean isLocal(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0
                || IPV4.matcher(host).matches()
                || host.equals("localhost") || host.endsWith(".localhost");
    }
}
