package io.quarkiverse.alioss.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.runtime.signing.OssUriEncoder;

/**
 * Options of a write: content type, user metadata, extra {@code x-oss-*} headers, an upload callback, and for the
 * high-level {@code upload} the multipart tuning and a progress listener.
 * <p>
 * Immutable and thread-safe: each option method returns a copy, so {@link #DEFAULTS} can be shared and extended.
 * Unset tuning values fall back to the client's defaults.
 */
public final class UploadOptions {

    /** Smallest part OSS accepts (all parts but the last). */
    public static final long MIN_PART_SIZE = 100 * 1024;
    /** Largest part number OSS accepts. */
    public static final int MAX_PARTS = 10_000;
    /** Most tags an object can have. */
    public static final int MAX_TAGS = 10;

    private static final String SSE = "x-oss-server-side-encryption";
    private static final String SSE_KEY_ID = "x-oss-server-side-encryption-key-id";

    /** No option set: the client's defaults, no metadata, no callback. */
    public static final UploadOptions DEFAULTS = new UploadOptions(null, Map.of(), Map.of(), null, null, null, null,
            null, null, OssProgressListener.NONE);

    private final String contentType;
    private final Map<String, String> userMetadata;
    private final Map<String, String> headers;
    private final OssCallbackSpec callbackSpec;
    private final String callback;
    private final String callbackVar;
    private final Long partSize;
    private final Long multipartThreshold;
    private final Integer parallelism;
    private final OssProgressListener progressListener;

    private UploadOptions(String contentType, Map<String, String> userMetadata, Map<String, String> headers,
            OssCallbackSpec callbackSpec, String callback, String callbackVar, Long partSize, Long multipartThreshold,
            Integer parallelism, OssProgressListener progressListener) {
        this.contentType = contentType;
        this.userMetadata = userMetadata;
        this.headers = headers;
        this.callbackSpec = callbackSpec;
        this.callback = callback;
        this.callbackVar = callbackVar;
        this.partSize = partSize;
        this.multipartThreshold = multipartThreshold;
        this.parallelism = parallelism;
        this.progressListener = progressListener;
    }

    /** The same as {@link #DEFAULTS}, to start a chain of options. */
    public static UploadOptions defaults() {
        return DEFAULTS;
    }

    public UploadOptions contentType(String value) {
        return new UploadOptions(value, userMetadata, headers, callbackSpec, callback, callbackVar, partSize,
                multipartThreshold, parallelism, progressListener);
    }

    /** Adds {@code x-oss-meta-<name>}. */
    public UploadOptions userMetadata(String name, String value) {
        return new UploadOptions(contentType, with(userMetadata, name.toLowerCase(Locale.ROOT), value), headers,
                callbackSpec, callback, callbackVar, partSize, multipartThreshold, parallelism, progressListener);
    }

    /**
     * Adds a request header such as {@code x-oss-storage-class}, {@code x-oss-object-acl},
     * {@code x-oss-forbid-overwrite} or {@code Cache-Control}.
     */
    public UploadOptions header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.startsWith("x-oss-callback") || lower.equals("host")) {
            throw new IllegalArgumentException("Header '" + name + "' is managed by the client; use callback() for callbacks");
        }
        return new UploadOptions(contentType, userMetadata, with(headers, name, value), callbackSpec, callback,
                callbackVar, partSize, multipartThreshold, parallelism, progressListener);
    }

    /** {@code x-oss-storage-class}: how OSS stores the object (and bills it). */
    public UploadOptions storageClass(StorageClass value) {
        return header("x-oss-storage-class", value.wireName());
    }

    /** {@code x-oss-object-acl}: who may read and write the object. */
    public UploadOptions acl(ObjectAcl value) {
        return header("x-oss-object-acl", value.wireName());
    }

    /** {@code x-oss-server-side-encryption} (and the KMS key id): how OSS encrypts the object at rest. */
    public UploadOptions serverSideEncryption(ServerSideEncryption value) {
        UploadOptions encrypted = header(SSE, value.algorithm());
        Map<String, String> keyed = new LinkedHashMap<>(encrypted.headers);
        keyed.remove(SSE_KEY_ID);
        value.kmsKeyId().ifPresent(keyId -> keyed.put(SSE_KEY_ID, keyId));
        return new UploadOptions(contentType, userMetadata, Collections.unmodifiableMap(keyed), callbackSpec, callback,
                callbackVar, partSize, multipartThreshold, parallelism, progressListener);
    }

    /**
     * {@code x-oss-tagging}: the object's tags, at most 10, keys of 1 to 128 and values of at most 256 characters
     * (OSS's limits), sent URL-encoded in the order given.
     */
    public UploadOptions tags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("An object has at most " + MAX_TAGS + " tags, got " + tags.size());
        }
        StringBuilder encoded = new StringBuilder();
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > 128 || value == null || value.length() > 256) {
                throw new IllegalArgumentException("Tag '" + key + "': keys are 1 to 128 characters, values at most"
                        + " 256");
            }
            encoded.append(encoded.length() == 0 ? "" : "&").append(OssUriEncoder.encodeComponent(key)).append('=')
                    .append(OssUriEncoder.encodeComponent(value));
        });
        return header("x-oss-tagging", encoded.toString());
    }

    /** {@code Cache-Control}, stored with the object and sent with every download. */
    public UploadOptions cacheControl(String value) {
        return header("Cache-Control", value);
    }

    /** {@code Content-Disposition}, e.g. {@code attachment; filename="report.pdf"}, stored with the object. */
    public UploadOptions contentDisposition(String value) {
        return header("Content-Disposition", value);
    }

    /** {@code Content-Encoding}, e.g. {@code gzip} for content stored compressed, stored with the object. */
    public UploadOptions contentEncoding(String value) {
        return header("Content-Encoding", value);
    }

    /** {@code Expires}, an HTTP date, stored with the object. */
    public UploadOptions expires(String value) {
        return header("Expires", value);
    }

    /**
     * Attaches an upload callback built with {@link OssCallbackSpec} (sent as {@code x-oss-callback} headers). A spec
     * filled from a callback template is bound to the upload's bucket and object when the client sends it.
     */
    public UploadOptions callback(OssCallbackSpec spec) {
        return new UploadOptions(contentType, userMetadata, headers, Objects.requireNonNull(spec, "spec"), null, null,
                partSize, multipartThreshold, parallelism, progressListener);
    }

    /**
     * Attaches an upload callback: the Base64 {@code x-oss-callback} value and, optionally, the Base64
     * {@code x-oss-callback-var} value (null when there are no custom variables).
     */
    public UploadOptions callback(String callbackBase64, String callbackVarBase64) {
        if (callbackBase64 == null || callbackBase64.isBlank()) {
            throw new IllegalArgumentException("callback must not be empty");
        }
        return new UploadOptions(contentType, userMetadata, headers, null, callbackBase64, callbackVarBase64, partSize,
                multipartThreshold, parallelism, progressListener);
    }

    /** Part size for multipart uploads, at least {@value #MIN_PART_SIZE} bytes. */
    public UploadOptions partSize(long bytes) {
        if (bytes < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + " bytes, got " + bytes);
        }
        return new UploadOptions(contentType, userMetadata, headers, callbackSpec, callback, callbackVar, bytes,
                multipartThreshold, parallelism, progressListener);
    }

    /** Size from which {@code upload} switches from one PutObject to a multipart upload. */
    public UploadOptions multipartThreshold(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("multipartThreshold must be positive, got " + bytes);
        }
        return new UploadOptions(contentType, userMetadata, headers, callbackSpec, callback, callbackVar, partSize,
                bytes, parallelism, progressListener);
    }

    /** How many parts are uploaded at the same time. */
    public UploadOptions parallelism(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parts);
        }
        return new UploadOptions(contentType, userMetadata, headers, callbackSpec, callback, callbackVar, partSize,
                multipartThreshold, parts, progressListener);
    }

    public UploadOptions progressListener(OssProgressListener listener) {
        return new UploadOptions(contentType, userMetadata, headers, callbackSpec, callback, callbackVar, partSize,
                multipartThreshold, parallelism, listener == null ? OssProgressListener.NONE : listener);
    }

    private static Map<String, String> with(Map<String, String> map, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(name, Objects.requireNonNull(value, name));
        return Collections.unmodifiableMap(copy);
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    public Map<String, String> userMetadata() {
        return userMetadata;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The callback spec attached with {@link #callback(OssCallbackSpec)}, not yet bound to the upload. */
    public Optional<OssCallbackSpec> callbackSpec() {
        return Optional.ofNullable(callbackSpec);
    }

    /**
     * The {@code x-oss-callback} and {@code x-oss-callback-var} headers for an upload of {@code key} to {@code bucket}:
     * the attached spec bound to that upload, or the Base64 values attached as they are; empty without a callback.
     */
    public Map<String, String> callbackHeaders(String bucket, String key) {
        if (callbackSpec != null) {
            return callbackSpec.bind(CallbackTarget.upload(bucket, key)).headers();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (callback != null) {
            headers.put("x-oss-callback", callback);
            if (callbackVar != null) {
                headers.put("x-oss-callback-var", callbackVar);
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    public boolean hasCallback() {
        return callbackSpec != null || callback != null;
    }

    public OptionalLong partSize() {
        return partSize == null ? OptionalLong.empty() : OptionalLong.of(partSize);
    }

    public OptionalLong multipartThreshold() {
        return multipartThreshold == null ? OptionalLong.empty() : OptionalLong.of(multipartThreshold);
    }

    public OptionalInt parallelism() {
        return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
    }

    public OssProgressListener progressListener() {
        return progressListener;
    }
}
