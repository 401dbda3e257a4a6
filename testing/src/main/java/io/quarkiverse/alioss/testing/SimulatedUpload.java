package io.quarkiverse.alioss.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.vertx.core.json.JsonObject;

/**
 * An upload the emulator performs a callback for without anything being uploaded: which callback of the application
 * (by its {@code @OssCallback} name), the object key, the {@code x:} values, and what OSS would know about the stored
 * object. Facts left unset are the stored object's when the emulator holds it (seed it first to have them measured,
 * image size included), else those of an empty object. Immutable: each method returns a copy.
 */
public final class SimulatedUpload {

    private final String callbackName;
    private final String objectKey;
    private final Map<String, String> vars;
    private final String bucket;
    private final Duration handedOutFor;
    private final Map<String, Object> facts;

    private SimulatedUpload(String callbackName, String objectKey, Map<String, String> vars, String bucket,
            Duration handedOutFor, Map<String, Object> facts) {
        this.callbackName = callbackName;
        this.objectKey = objectKey;
        this.vars = Map.copyOf(vars);
        this.bucket = bucket;
        this.handedOutFor = handedOutFor;
        this.facts = facts;
    }

    /**
     * @param callbackName the {@code @OssCallback} name, e.g. {@code avatar}
     * @param objectKey the key of the object "uploaded"
     */
    public static SimulatedUpload of(String callbackName, String objectKey) {
        Objects.requireNonNull(callbackName, "callbackName");
        Objects.requireNonNull(objectKey, "objectKey");
        return new SimulatedUpload(callbackName, objectKey, Map.of(), null, null, Map.of());
    }

    /** The {@code x:} values, keyed {@code name} or {@code x:name}, as {@code OssCallbackTemplate.fill} takes them. */
    public SimulatedUpload vars(Map<String, String> values) {
        return new SimulatedUpload(callbackName, objectKey, values, bucket, handedOutFor, facts);
    }

    /** One {@code x:} value more. */
    public SimulatedUpload var(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(vars);
        more.put(name, value);
        return vars(more);
    }

    /** The bucket; by default the default client's ({@code quarkus.oss.bucket}). */
    public SimulatedUpload bucket(String name) {
        return new SimulatedUpload(callbackName, objectKey, vars, Objects.requireNonNull(name, "bucket"), handedOutFor,
                facts);
    }

    /**
     * Binds the callback token as for a presigned URL or PostObject form handed out for {@code validity}, so that the
     * route confirms the upload with OSS (the emulator) before the method runs: seed the object first, or the
     * confirmation fails as it would for a forged callback. Without it, the token is that of an upload the
     * application makes itself.
     */
    public SimulatedUpload handedOut(Duration validity) {
        return new SimulatedUpload(callbackName, objectKey, vars, bucket, Objects.requireNonNull(validity, "validity"),
                facts);
    }

    public SimulatedUpload size(long bytes) {
        return fact("size", bytes);
    }

    public SimulatedUpload mimeType(String value) {
        return fact("mimeType", value);
    }

    /** The ETag, with or without quotes. */
    public SimulatedUpload etag(String value) {
        return fact("etag", value);
    }

    /** The CRC-64 (ECMA) as OSS writes it, an unsigned decimal. */
    public SimulatedUpload crc64(String value) {
        return fact("crc64", value);
    }

    public SimulatedUpload contentMd5(String base64) {
        return fact("contentMd5", base64);
    }

    /** {@code PutObject} (the default), {@code PostObject} or {@code CompleteMultipartUpload}. */
    public SimulatedUpload operation(String value) {
        return fact("operation", value);
    }

    public SimulatedUpload clientIp(String value) {
        return fact("clientIp", value);
    }

    /** What OSS measured of an image: width and height in pixels, format such as {@code png} or {@code jpg}. */
    public SimulatedUpload image(int width, int height, String format) {
        return fact("imageInfo", new JsonObject().put("width", width).put("height", height).put("format", format));
    }

    public String callbackName() {
        return callbackName;
    }

    public String objectKey() {
        return objectKey;
    }

    public Map<String, String> vars() {
        return vars;
    }

    String bucketOr(String defaultBucket) {
        return bucket == null ? defaultBucket : bucket;
    }

    Duration handedOutFor() {
        return handedOutFor;
    }

    /** The facts set, as the emulator's control request names them. */
    void putFacts(JsonObject json) {
        facts.forEach(json::put);
    }

    private SimulatedUpload fact(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(name, Objects.requireNonNull(value, name));
        return new SimulatedUpload(callbackName, objectKey, vars, bucket, handedOutFor, Map.copyOf(more));
    }
}
