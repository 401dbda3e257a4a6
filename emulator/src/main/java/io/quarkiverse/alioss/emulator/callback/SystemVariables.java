package io.quarkiverse.alioss.emulator.callback;

import java.util.Map;
import java.util.Set;

/** The 14 OSS system variables of a callback body and their values for one upload. */
final class SystemVariables {

    /** Names whose values OSS emits as bare JSON numbers (all others are JSON strings). */
    private static final Set<String> NUMERIC = Set.of("size", "imageInfo.width", "imageInfo.height", "crc64");

    static final Set<String> NAMES = Set.of("bucket", "object", "etag", "size", "mimeType", "imageInfo.height",
            "imageInfo.width", "imageInfo.format", "crc64", "contentMd5", "vpcId", "clientIp", "reqId", "operation");

    private SystemVariables() {
    }

    static boolean isNumeric(String name) {
        return NUMERIC.contains(name);
    }

    /** Values by name; absent facts become "" (OSS sends empty values, e.g. imageInfo.* of a non-image). */
    static Map<String, String> valuesOf(UploadFacts facts) {
        var image = facts.imageInfo();
        return Map.ofEntries(
                Map.entry("bucket", nullToEmpty(facts.bucket())),
                Map.entry("object", nullToEmpty(facts.object())),
                Map.entry("etag", nullToEmpty(facts.etag())),
                Map.entry("size", Long.toString(facts.size())),
                Map.entry("mimeType", nullToEmpty(facts.mimeType())),
                Map.entry("imageInfo.height", image == null ? "" : Integer.toString(image.height())),
                Map.entry("imageInfo.width", image == null ? "" : Integer.toString(image.width())),
                Map.entry("imageInfo.format", image == null ? "" : nullToEmpty(image.format())),
                Map.entry("crc64", nullToEmpty(facts.crc64())),
                Map.entry("contentMd5", nullToEmpty(facts.contentMd5())),
                Map.entry("vpcId", nullToEmpty(facts.vpcId())),
                Map.entry("clientIp", nullToEmpty(facts.clientIp())),
                Map.entry("reqId", nullToEmpty(facts.reqId())),
                Map.entry("operation", nullToEmpty(facts.operation())));
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
