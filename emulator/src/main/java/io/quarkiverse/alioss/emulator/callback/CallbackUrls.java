package io.quarkiverse.alioss.emulator.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses {@code callbackUrl}: 1..5 URLs separated by {@code ;}, scheme optional (then http), numeric port, no IPv6.
 * <p>
 * Deliberate deviation from OSS: private, loopback and intranet addresses are accepted, because the emulator exists to
 * call back to an application on localhost.
 */
final class CallbackUrls {

    static final int MAX_URLS = 5;
    static final String INVALID_MESSAGE = "The callback url configuration is invalid.";
    static final String TOO_MANY_MESSAGE = "The number of callback url exceed max value.";

    /** A DNS name with at least one dot (OSS refuses a bare word like {@code my}), an IPv4 literal, or localhost. */
    private static final Pattern DOTTED_NAME = Pattern
            .compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\\.?");

    private CallbackUrls() {
    }

    /** @throws IllegalArgumentException with the OSS message */
    static List<URI> parse(String value) {
        String[] parts = value.split(";", -1);
        List<URI> urls = new ArrayList<>();
        for (String part : parts) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                urls.add(parseOne(trimmed));
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(INVALID_MESSAGE);
        }
        if (urls.size() > MAX_URLS) {
            throw new IllegalArgumentException(TOO_MANY_MESSAGE);
        }
        return List.copyOf(urls);
    }

    private static URI parseOne(String raw) {
        String withScheme = raw.contains("://") ? raw : "http://" + raw;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(INVALID_MESSAGE);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        // getHost() is null when the authority does not parse as host[:port], e.g. a non-numeric port.
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || uri.getUserInfo() != null
                || !isAcceptedHost(host)) {
            throw new IllegalArgumentException(INVALID_MESSAGE);
        }
        if (uri.getPort() > 65535 || uri.getPort() == 0) {
            throw new IllegalArgumentException(INVALID_MESSAGE);
        }
        return uri;
    }

    static boolean isAcceptedHost(String host) {
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            return false; // IPv6 literal: OSS does not call back to IPv6
        }
        return host.equalsIgnoreCase("localhost") || DOTTED_NAME.matcher(host).matches();
    }

    /** The request target OSS sends: the URL's raw path (or "/") and its raw query, exactly. */
    static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
