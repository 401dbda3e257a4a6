package io.quarkiverse.alioss.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The OSS4-HMAC-SHA256 computation: canonical request, string to sign, signing key, signature. */
public final class SignatureV4 {

    public static final String ALGORITHM = "OSS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String PRESIGN_SIGNATURE = "x-oss-signature";

    private SignatureV4() {
    }

    /** Canonical URI: always {@code /bucket/key} whatever the addressing style. */
    static String canonicalUri(String bucket, String key) {
        if (bucket == null) {
            return "/";
        }
        return UriEncoding.encode("/" + bucket + "/" + (key == null ? "" : key), true);
    }

    static String canonicalQuery(List<Map.Entry<String, String>> query) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(PRESIGN_SIGNATURE)) {
                continue;
            }
            sorted.computeIfAbsent(UriEncoding.encode(e.getKey(), false), k -> new ArrayList<>())
                    .add(UriEncoding.encode(e.getValue(), false));
        }
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, values) -> values.stream().sorted().forEach(v -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(k);
            if (!v.isEmpty()) {
                out.append('=').append(v);
            }
        }));
        return out.toString();
    }

    /** Additional header names as they count: lowercased, present in the request, not default-signed, sorted. */
    static Set<String> additionalHeaders(String list, io.vertx.core.MultiMap headers) {
        Set<String> names = new TreeSet<>();
        if (list == null || list.isBlank()) {
            return names;
        }
        for (String raw : list.split(";")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !isDefaultSigned(name) && headers.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isDefaultSigned(String lowerName) {
        return lowerName.startsWith("x-oss-") || lowerName.equals("content-type") || lowerName.equals("content-md5");
    }

    static String canonicalRequest(SignedRequest request, Set<String> additional, String hashedPayload) {
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (isDefaultSigned(name) || additional.contains(name)) {
                canonicalHeaders.merge(name, HeaderValues.signed(h.getValue()), (a, b) -> a + "," + b);
            }
        }
        StringBuilder out = new StringBuilder(512);
        out.append(request.method()).append('\n')
                .append(canonicalUri(request.bucket(), request.key())).append('\n')
                .append(canonicalQuery(request.query())).append('\n');
        canonicalHeaders.forEach((k, v) -> out.append(k).append(':').append(v).append('\n'));
        out.append('\n').append(String.join(";", additional)).append('\n').append(hashedPayload);
        return out.toString();
    }

    static String scope(String date, String region) {
        return date + "/" + region + "/oss/aliyun_v4_request";
    }

    static String stringToSign(String timestamp, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n"
                + HexFormat.of().formatHex(Hmac.digestSha256(canonicalRequest));
    }

    static byte[] signingKey(String secret, String date, String region) {
        byte[] k = ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8);
        k = Hmac.sha256(k, date);
        k = Hmac.sha256(k, region);
        k = Hmac.sha256(k, "oss");
        return Hmac.sha256(k, "aliyun_v4_request");
    }

    static String sign(byte[] signingKey, String stringToSign) {
        return HexFormat.of().formatHex(Hmac.sha256(signingKey, stringToSign));
    }
}
