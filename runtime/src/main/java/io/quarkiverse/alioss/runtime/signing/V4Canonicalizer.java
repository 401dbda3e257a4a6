package io.quarkiverse.alioss.runtime.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the pieces of a V4 canonical request (protocol reference §6.2). Pure functions, no state. */
final class V4Canonicalizer {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String CONTENT_SHA256 = "x-oss-content-sha256";

    private V4Canonicalizer() {
    }

    /** URI-encoded {@code /bucket/key}, keeping {@code /}. */
    static String canonicalUri(SignableRequest request) {
        return OssUriEncoder.encodePath(request.resourcePath());
    }

    /**
     * Every parameter, name and value encoded, sorted by encoded name (then value, so repeated names are stable);
     * a parameter with no or empty value is the bare name.
     */
    static String canonicalQuery(List<QueryParam> params) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (QueryParam p : params) {
            encoded.add(new String[] { OssUriEncoder.encodeComponent(p.name()),
                    p.hasValue() ? OssUriEncoder.encodeComponent(p.value()) : "" });
        }
        encoded.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder();
        for (String[] p : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]);
            if (!p[1].isEmpty()) {
                out.append('=').append(p[1]);
            }
        }
        return out.toString();
    }

    /** True for headers V4 always signs: every {@code x-oss-*}, {@code content-type}, {@code content-md5}. */
    static boolean isDefaultSigned(String lowerCaseName) {
        return lowerCaseName.startsWith("x-oss-") || lowerCaseName.equals("content-type")
                || lowerCaseName.equals("content-md5");
    }

    /**
     * The additional headers actually signed: requested names lowercased, kept only when the request carries the header
     * and V4 does not sign it anyway, de-duplicated and sorted.
     */
    static Set<String> resolveAdditionalHeaders(SignableRequest request) {
        Set<String> resolved = new TreeSet<>();
        for (String name : request.additionalHeaders()) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && !isDefaultSigned(lower) && request.headers().containsKey(lower)) {
                resolved.add(lower);
            }
        }
        return resolved;
    }

    /** {@code name:value\n} for every signed header, names lowercased, values trimmed, sorted by name. */
    static String canonicalHeaders(Map<String, String> headers, Set<String> additionalHeaders) {
        TreeMap<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (isDefaultSigned(lower) || additionalHeaders.contains(lower)) {
                signed.put(lower, header.getValue().trim());
            }
        }
        StringBuilder out = new StringBuilder();
        signed.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        return out.toString();
    }

    static String canonicalRequest(SignableRequest request, List<QueryParam> query, Set<String> additionalHeaders) {
        String hashedPayload = request.header(CONTENT_SHA256);
        if (hashedPayload == null || hashedPayload.isEmpty()) {
            hashedPayload = UNSIGNED_PAYLOAD;
        }
        return request.method() + '\n'
                + canonicalUri(request) + '\n'
                + canonicalQuery(query) + '\n'
                + canonicalHeaders(request.headers(), additionalHeaders) + '\n'
                + String.join(";", additionalHeaders) + '\n'
                + hashedPayload;
    }
}
