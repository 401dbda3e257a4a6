package io.quarkiverse.alioss.runtime.callback.template;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.alioss.callback.OssCallbackSpec;

/**
 * Builds the callback URLs of a route: each configured base URL ({@code quarkus.oss.callback.base-url}, up to 5, OSS
 * tries them in order) + {@code quarkus.http.root-path} + the route path, plus an optional query.
 */
final class CallbackUrls {

    private final List<String> baseUrls;
    private final String rootPath;

    private CallbackUrls(List<String> baseUrls, String rootPath) {
        this.baseUrls = baseUrls;
        this.rootPath = rootPath;
    }

    /**
     * @param baseUrls absolute URLs without query or fragment, e.g. {@code https://app.example.com}
     * @param rootPath {@code quarkus.http.root-path}, e.g. {@code /} or {@code /api}
     */
    public static CallbackUrls of(List<String> baseUrls, String rootPath) {
        if (baseUrls == null || baseUrls.isEmpty()) {
            throw new IllegalArgumentException("quarkus.oss.callback.base-url is not set: OSS needs a URL to call back");
        }
        if (baseUrls.size() > OssCallbackSpec.MAX_URLS) {
            throw new IllegalArgumentException("quarkus.oss.callback.base-url lists " + baseUrls.size()
                    + " URLs; OSS takes at most " + OssCallbackSpec.MAX_URLS);
        }
        List<String> bases = new ArrayList<>();
        for (String base : baseUrls) {
            String b = base == null ? "" : base.strip();
            if (!(b.startsWith("http://") || b.startsWith("https://")) || b.indexOf('?') >= 0 || b.indexOf('#') >= 0
                    || b.indexOf(';') >= 0) {
                throw new IllegalArgumentException("quarkus.oss.callback.base-url entry '" + base
                        + "' must be an http(s) URL without query, fragment or ';'");
            }
            bases.add(trimTrailingSlashes(b));
        }
        return new CallbackUrls(List.copyOf(bases), normalizeRootPath(rootPath));
    }

    /** The URLs for a route path, each with {@code ?query} appended when {@code query} is not null. */
    public List<String> forPath(String path, String query) {
        String p = path.startsWith("/") ? path : "/" + path;
        List<String> urls = new ArrayList<>(baseUrls.size());
        for (String base : baseUrls) {
            urls.add(base + rootPath + p + (query == null ? "" : "?" + query));
        }
        return urls;
    }

    private static String normalizeRootPath(String rootPath) {
        if (rootPath == null || rootPath.isBlank()) {
            return "";
        }
        String r = trimTrailingSlashes(rootPath.strip());
        return r.isEmpty() || r.startsWith("/") ? r : "/" + r;
    }

    private static String trimTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
