package io.quarkiverse.alioss.emulator.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;

/** Which upload headers an object keeps, and the headers GET/HEAD answer with. */
final class ObjectHeaders {

    private static final Set<String> KEPT = Set.of("content-type", "content-disposition", "content-encoding",
            "content-language", "cache-control", "expires");

    static final String STORAGE_CLASS = "x-oss-storage-class";
    static final String STANDARD = "Standard";
    /** The storage classes OSS knows; objects of the last three must be restored before they can be read. */
    private static final Set<String> STORAGE_CLASSES = Set.of(STANDARD, "IA", "Archive", "ColdArchive",
            "DeepColdArchive");
    private static final Set<String> ARCHIVED = Set.of("Archive", "ColdArchive", "DeepColdArchive");

    static final String SSE = "x-oss-server-side-encryption";
    static final String SSE_KEY_ID = "x-oss-server-side-encryption-key-id";
    private static final Set<String> SSE_ALGORITHMS = Set.of("AES256", "KMS", "SM4");
    /**
     * The key id the emulator answers for KMS encryption without a key of the user's: OSS then uses the account's
     * default customer master key, whose id this stands in for. Nothing is encrypted; the emulator only keeps the
     * settings an object was written with.
     */
    static final String DEFAULT_KMS_KEY_ID = "emulator-default-kms-key";

    /** {@code response-*} query parameters of GetObject and the header each one overrides. */
    private static final Map<String, String> OVERRIDES = Map.of("response-content-type", "Content-Type",
            "response-content-language", "Content-Language", "response-expires", "Expires",
            "response-cache-control", "Cache-Control", "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private ObjectHeaders() {
    }

    /** Representation headers and {@code x-oss-meta-*} of an upload, lowercase names. */
    static Map<String, String> storable(MultiMap requestHeaders) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : requestHeaders) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (KEPT.contains(name) || name.startsWith("x-oss-meta-")) {
                kept.putIfAbsent(name, h.getValue());
            }
        }
        kept.putIfAbsent("content-type", "application/octet-stream");
        applyStorageSettings(kept, requestHeaders);
        return kept;
    }

    /**
     * A copy of {@code headers} with the storage class and encryption {@code requestHeaders} ask for, checked.
     * CopyObject applies them to the copy whatever its metadata directive, as OSS does.
     */
    static Map<String, String> withStorageSettings(Map<String, String> headers, MultiMap requestHeaders) {
        Map<String, String> settled = new LinkedHashMap<>(headers);
        applyStorageSettings(settled, requestHeaders);
        return settled;
    }

    /** Puts the storage class and encryption {@code requestHeaders} ask for into {@code settled}, after checking them. */
    private static void applyStorageSettings(Map<String, String> settled, MultiMap requestHeaders) {
        String storageClass = requestHeaders.get(STORAGE_CLASS);
        if (storageClass != null) {
            if (!STORAGE_CLASSES.contains(storageClass)) {
                throw OssError.invalidArgument("Invalid storage class.", STORAGE_CLASS, storageClass);
            }
            settled.put(STORAGE_CLASS, storageClass);
        }
        Map<String, String> encryption = encryption(requestHeaders);
        if (!encryption.isEmpty()) {
            settled.remove(SSE);
            settled.remove(SSE_KEY_ID);
            settled.putAll(encryption);
        }
    }

    /** The server-side encryption an upload asks for, checked as OSS checks it. */
    private static Map<String, String> encryption(MultiMap requestHeaders) {
        String algorithm = requestHeaders.get(SSE);
        String keyId = requestHeaders.get(SSE_KEY_ID);
        if (algorithm == null) {
            if (keyId != null) {
                throw OssError.invalidArgument("x-oss-server-side-encryption-key-id needs"
                        + " x-oss-server-side-encryption: KMS.", SSE_KEY_ID, keyId);
            }
            return Map.of();
        }
        if (!SSE_ALGORITHMS.contains(algorithm)) {
            throw new OssError(400, "InvalidEncryptionAlgorithmError",
                    "The Encryption request you specified is not valid. Supported value: AES256/KMS/SM4")
                    .with("ArgumentName", SSE).with("ArgumentValue", algorithm);
        }
        if (keyId != null && !algorithm.equals("KMS")) {
            throw OssError.invalidArgument("x-oss-server-side-encryption-key-id is allowed only with KMS.", SSE_KEY_ID,
                    keyId);
        }
        Map<String, String> encryption = new LinkedHashMap<>();
        encryption.put(SSE, algorithm);
        if (algorithm.equals("KMS")) {
            encryption.put(SSE_KEY_ID, keyId == null || keyId.isEmpty() ? DEFAULT_KMS_KEY_ID : keyId);
        }
        return encryption;
    }

    /** Whether the object's data needs a RestoreObject before OSS serves it. */
    static boolean archived(StoredObject object) {
        return ARCHIVED.contains(object.headers().getOrDefault(STORAGE_CLASS, STANDARD));
    }

    /** The headers of GetObject/HeadObject (Content-Length is set by the caller, it depends on the range). */
    static void write(HttpServerResponse response, StoredObject object, OssExchange exchange) {
        object.headers().forEach(response::putHeader);
        if (!object.headers().containsKey(STORAGE_CLASS)) {
            response.putHeader("x-oss-storage-class", STANDARD);
        }
        response.putHeader("ETag", quoted(object.etag()))
                .putHeader("Last-Modified", HttpDates.rfc1123(object.lastModified()))
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("x-oss-object-type", object.objectType())
                .putHeader("x-oss-hash-crc64ecma", Crc64.toHeader(object.crc64()));
        if (object.objectType().equals(AppendHandler.APPENDABLE)) {
            response.putHeader(AppendHandler.NEXT_POSITION, String.valueOf(object.size()));
        }
        if (!object.tags().isEmpty()) {
            response.putHeader("x-oss-tagging-count", String.valueOf(object.tags().size()));
        }
        if (object.contentMd5() != null) {
            response.putHeader("Content-MD5", object.contentMd5());
        }
        OVERRIDES.forEach((param, header) -> {
            String value = exchange.param(param);
            if (value != null) {
                response.putHeader(header, value);
            }
        });
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    /** An ETag as clients send it back: quoted, entity-escaped or bare; returns it bare and uppercase. */
    static String unquoted(String etag) {
        String e = etag.trim().replace("&quot;", "\"").replace("&#34;", "\"");
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e.toUpperCase(Locale.ROOT);
    }
}
