package io.quarkiverse.alioss.emulator.auth;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The OSS V1 (HMAC-SHA1) string to sign and signature. */
public final class SignatureV1 {

    /** Query parameters the official SDKs sign as sub-resources (plus every {@code x-oss-*} parameter). */
    private static final Set<String> SUB_RESOURCES = Set.of("acl", "uploads", "location", "cors", "logging", "website",
            "referer", "lifecycle", "delete", "append", "tagging", "objectMeta", "uploadId", "partNumber",
            "security-token", "position", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "img", "style", "styleName", "replication", "replicationProgress", "replicationLocation", "cname",
            "bucketInfo", "comp", "qos", "live", "status", "vod", "startTime", "endTime", "processConfiguration",
            "symlink", "stat", "udf", "udfName", "udfImage", "udfImageDesc", "udfApplication", "udfApplicationLog",
            "restore", "versions", "versioning", "versionId", "encryption", "policy", "requestPayment", "qosInfo",
            "asyncFetch", "sequential", "vpcip", "vip", "inventory", "inventoryId", "continuation-token", "worm",
            "wormId", "wormExtend", "callback", "callback-var", "transferAcceleration", "metaQuery",
            "resourceGroup", "regionList", "bucketArchiveDirectRead", "httpsConfig", "publicAccessBlock",
            "policyStatus", "redundancyTransition", "accessPoint", "accessPointPolicy", "seal");

    private SignatureV1() {
    }

    /**
     * @param dateLine the Date header (or x-oss-date), or the Expires value for presigned URLs
     */
    static String stringToSign(SignedRequest request, String dateLine) {
        StringBuilder out = new StringBuilder(256);
        out.append(request.method()).append('\n')
                .append(headerOrEmpty(request, "Content-MD5")).append('\n')
                .append(headerOrEmpty(request, "Content-Type")).append('\n')
                .append(dateLine).append('\n');
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-")) {
                ossHeaders.merge(name, HeaderValues.signed(h.getValue()), (a, b) -> a + "," + b);
            }
        }
        ossHeaders.forEach((k, v) -> out.append(k).append(':').append(v).append('\n'));
        out.append(canonicalResource(request));
        return out.toString();
    }

    private static String canonicalResource(SignedRequest request) {
        StringBuilder out = new StringBuilder("/");
        if (request.bucket() != null) {
            out.append(request.bucket()).append('/');
            if (request.key() != null) {
                out.append(request.key());
            }
        }
        TreeMap<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> q : request.query()) {
            String name = q.getKey();
            if (SUB_RESOURCES.contains(name) || name.startsWith("x-oss-")) {
                signed.putIfAbsent(name, q.getValue());
            }
        }
        char sep = '?';
        for (Map.Entry<String, String> e : signed.entrySet()) {
            out.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                out.append('=').append(e.getValue());
            }
            sep = '&';
        }
        return out.toString();
    }

    private static String headerOrEmpty(SignedRequest request, String name) {
        String value = request.headers().get(name);
        return value == null ? "" : HeaderValues.signed(value);
    }

    static String sign(String secret, String stringToSign) {
        return Base64.getEncoder().encodeToString(
                Hmac.sha1(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), stringToSign));
    }
}
