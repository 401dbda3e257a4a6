package io.quarkiverse.alioss.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.quarkiverse.alioss.emulator.auth.UriEncoding;

/**
 * Finds bucket and key of a request. Path-style ({@code /bucket/key}) is the default; the request is
 * virtual-hosted when the Host's first label is followed by {@code localhost} or an IPv4 literal
 * ({@code bucket.localhost:port}, {@code bucket.127.0.0.1:port}) or when that label names an existing bucket.
 */
final class Addressing {

    /** @param bucket null for service requests; @param key decoded, null for bucket requests */
    record Target(String bucket, String key, List<Map.Entry<String, String>> query) {
    }

    private Addressing() {
    }

    static Target resolve(String host, String rawPath, String rawQuery, Predicate<String> bucketExists) {
        return resolve(host, rawPath, rawQuery, bucketExists, Map.of());
    }

    /** @param customDomains host names bound to buckets (CNAMEs), lower case: a request to one addresses its bucket */
    static Target resolve(String host, String rawPath, String rawQuery, Predicate<String> bucketExists,
            Map<String, String> customDomains) {
        List<Map.Entry<String, String>> query = parseQuery(rawQuery);
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String domainBucket = host == null ? null : customDomains.get(stripPort(host).toLowerCase(Locale.ROOT));
        String virtualBucket = domainBucket != null ? domainBucket : virtualHostBucket(host, bucketExists);
        if (virtualBucket != null) {
            String key = path.length() > 1 ? UriEncoding.decode(path.substring(1), false) : null;
            return new Target(virtualBucket, key, query);
        }
        String rest = path.substring(1);
        if (rest.isEmpty()) {
            return new Target(null, null, query);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new Target(UriEncoding.decode(rest, false), null, query);
        }
        String key = rest.substring(slash + 1);
        return new Target(UriEncoding.decode(rest.substring(0, slash), false),
                key.isEmpty() ? null : UriEncoding.decode(key, false), query);
    }

    private static String virtualHostBucket(String host, Predicate<String> bucketExists) {
        if (host == null) {
            return null;
        }
        String name = stripPort(host);
        int dot = name.indexOf('.');
        if (dot <= 0 || isIpv4(name)) {
            return null;
        }
        String label = name.substring(0, dot);
        String endpoint = name.substring(dot + 1);
        if (endpoint.equals("localhost") || isIpv4(endpoint) || bucketExists.test(label)) {
            return label;
        }
        return null;
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            return host;
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isIpv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    /** Decoded parameters in order; {@code a} and {@code a=} both give the value "". */
    static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(UriEncoding.decode(name, true), UriEncoding.decode(value, true)));
        }
        return params;
    }
}
