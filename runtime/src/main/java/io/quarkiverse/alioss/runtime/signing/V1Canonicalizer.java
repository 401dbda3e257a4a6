package io.quarkiverse.alioss.runtime.signing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the V1 string to sign (protocol reference §6.6). Pure functions, no state. */
final class V1Canonicalizer {

    /**
     * Query parameters OSS treats as sub-resources (signed in the CanonicalizedResource); any {@code x-oss-*} parameter
     * is signed as well. Union of the lists used by the official SDKs.
     */
    static final Set<String> SUB_RESOURCES = Set.of(
            "acl", "append", "asyncFetch", "bucketInfo", "callback", "callback-var", "cname", "comp",
            "continuation-token", "cors", "delete", "encryption", "endTime", "img", "inventory", "inventoryId",
            "lifecycle", "live", "location", "logging", "objectMeta", "partNumber", "policy", "position",
            "processConfiguration", "qos", "qosInfo", "referer", "regionList", "replication", "replicationLocation",
            "replicationProgress", "requestPayment", "resourceGroup", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "response-content-language",
            "response-content-type", "response-expires", "restore", "security-token", "sequential", "startTime",
            "stat", "status", "style", "styleName", "symlink", "tagging", "transferAcceleration", "udf",
            "udfApplication", "udfApplicationLog", "udfImage", "udfImageDesc", "udfName", "uploadId", "uploads",
            "versionId", "versioning", "versions", "vip", "vod", "vpcip", "website", "worm", "wormExtend", "wormId",
            "cloudboxes", "accessPoint", "accessPointPolicy");

    private V1Canonicalizer() {
    }

    static boolean isSubResource(String name) {
        return SUB_RESOURCES.contains(name) || name.startsWith("x-oss-");
    }

    /**
     * {@code VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedOSSHeaders CanonicalizedResource}; {@code dateLine} is
     * the Date / x-oss-date header value, or {@code Expires} for presigned URLs.
     */
    static String stringToSign(SignableRequest request, List<QueryParam> query, String dateLine) {
        return request.method() + '\n'
                + headerOrEmpty(request, "Content-MD5") + '\n'
                + headerOrEmpty(request, "Content-Type") + '\n'
                + dateLine + '\n'
                + canonicalizedOssHeaders(request.headers())
                + canonicalizedResource(request.resourcePath(), query);
    }

    /** Every {@code x-oss-*} header as {@code name:value\n}, names lowercased, values trimmed, sorted by name. */
    static String canonicalizedOssHeaders(Map<String, String> headers) {
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-oss-")) {
                ossHeaders.put(lower, value.trim());
            }
        });
        StringBuilder out = new StringBuilder();
        ossHeaders.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        return out.toString();
    }

    /** The raw (not encoded) resource path plus {@code ?} and the sorted sub-resources, {@code k} or {@code k=v}. */
    static String canonicalizedResource(String resourcePath, List<QueryParam> query) {
        List<QueryParam> subResources = new ArrayList<>();
        for (QueryParam p : query) {
            if (isSubResource(p.name())) {
                subResources.add(p);
            }
        }
        if (subResources.isEmpty()) {
            return resourcePath;
        }
        subResources.sort(Comparator.comparing(QueryParam::name));
        StringBuilder out = new StringBuilder(resourcePath);
        char separator = '?';
        for (QueryParam p : subResources) {
            out.append(separator).append(p.name());
            if (p.hasValue()) {
                out.append('=').append(p.value());
            }
            separator = '&';
        }
        return out.toString();
    }

    private static String headerOrEmpty(SignableRequest request, String name) {
        String value = request.header(name);
        return value == null ? "" : value.trim();
    }
}
