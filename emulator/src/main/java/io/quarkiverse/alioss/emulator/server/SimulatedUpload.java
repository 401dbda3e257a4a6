package io.quarkiverse.alioss.emulator.server;

import java.util.Optional;
import java.util.Set;

import io.quarkiverse.alioss.emulator.callback.CallbackArgumentException;
import io.quarkiverse.alioss.emulator.callback.CallbackSpec;
import io.quarkiverse.alioss.emulator.callback.UploadFacts;
import io.quarkiverse.alioss.emulator.image.ImageInfo;
import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The body of a {@code POST /__emulator/callbacks/upload} control request: the callback parameters an upload would
 * carry, and the upload it is to be performed for. Facts not given are the stored object's when the emulator holds
 * it, else those of an empty object, so a kit-delivered callback says what an upload would have said.
 */
final class SimulatedUpload {

    static final Set<String> OPERATIONS = Set.of("PutObject", "PostObject", "CompleteMultipartUpload");
    static final Set<String> FIELDS = Set.of("callback", "callbackVar", "bucket", "object", "size", "mimeType", "etag",
            "crc64", "contentMd5", "operation", "clientIp", "imageInfo");

    /** MD5 of no bytes, as OSS writes it in the ETag and in Content-MD5. */
    private static final String EMPTY_ETAG = "D41D8CD98F00B204E9800998ECF8427E";
    private static final String EMPTY_CONTENT_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

    final CallbackSpec spec;
    private final JsonObject json;

    private SimulatedUpload(CallbackSpec spec, JsonObject json) {
        this.spec = spec;
        this.json = json;
    }

    /** @throws ControlRequestException naming the field that is missing, unknown or malformed */
    static SimulatedUpload parse(Buffer body) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw ControlRequestException.badRequest("The body must be a JSON object with callback, bucket and object: "
                    + e.getMessage());
        }
        for (String name : json.fieldNames()) {
            if (!FIELDS.contains(name)) {
                throw ControlRequestException.badRequest("Unknown field '" + name + "'; known fields: "
                        + FIELDS.stream().sorted().toList());
            }
        }
        String callback = requiredText(json, "callback");
        requiredText(json, "bucket");
        requiredText(json, "object");
        String operation = optionalText(json, "operation");
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw ControlRequestException.badRequest("operation must be one of " + OPERATIONS.stream().sorted().toList()
                    + ", got '" + operation + "'");
        }
        try {
            return new SimulatedUpload(CallbackSpec.parse(callback, optionalText(json, "callbackVar")), json);
        } catch (CallbackArgumentException e) {
            // OSS's own message, as the upload would have been refused with it
            throw ControlRequestException.badRequest("The " + e.argumentName() + " parameter is refused as OSS "
                    + "refuses it: " + e.ossMessage());
        }
    }

    /** The facts of the upload; reads the stored object when there is one, to fill what the request left out. */
    Future<UploadFacts> facts(ObjectStore store, String requestId, String clientIp) {
        String bucket = json.getString("bucket");
        String key = json.getString("object");
        Optional<StoredObject> stored = store.bucket(bucket).flatMap(b -> b.get(key));
        Future<ImageInfo> image = imageInfo().map(Future::succeededFuture)
                .orElseGet(() -> stored.map(object -> CallbackCompletion.imageInfo(spec, object))
                        .orElse(Future.succeededFuture(null)));
        return image.map(info -> new UploadFacts(bucket, key,
                text("etag", stored.map(StoredObject::etag).orElse(EMPTY_ETAG)).replace("\"", ""),
                size(stored.map(StoredObject::size).orElse(0L)),
                text("mimeType", stored.map(StoredObject::contentType).orElse("application/octet-stream")),
                info,
                text("crc64", stored.map(object -> Crc64.toHeader(object.crc64())).orElse("0")),
                text("contentMd5", stored.map(object -> object.contentMd5() == null ? "" : object.contentMd5())
                        .orElse(EMPTY_CONTENT_MD5)),
                "", text("clientIp", clientIp), requestId, text("operation", "PutObject")));
    }

    private Optional<ImageInfo> imageInfo() {
        Object value = json.getValue("imageInfo");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject image)) {
            throw ControlRequestException.badRequest("imageInfo must be an object with width, height and format");
        }
        try {
            Integer width = image.getInteger("width");
            Integer height = image.getInteger("height");
            String format = image.getString("format");
            if (width == null || height == null || format == null) {
                throw ControlRequestException.badRequest("imageInfo needs width, height and format");
            }
            return Optional.of(new ImageInfo(width, height, format));
        } catch (ClassCastException e) {
            throw ControlRequestException.badRequest("imageInfo: width and height must be numbers, format a string");
        }
    }

    private long size(long fallback) {
        Object value = json.getValue("size");
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.longValue() < 0 || number.doubleValue() != number.longValue()) {
            throw ControlRequestException.badRequest("size must be a whole number of bytes, 0 or more; got " + value);
        }
        return number.longValue();
    }

    private String text(String name, String fallback) {
        String value = optionalText(json, name);
        return value == null ? fallback : value;
    }

    private static String requiredText(JsonObject json, String name) {
        String value = optionalText(json, name);
        if (value == null || value.isEmpty()) {
            throw ControlRequestException.badRequest("The field '" + name + "' is required");
        }
        return value;
    }

    private static String optionalText(JsonObject json, String name) {
        Object value = json.getValue(name);
        if (value != null && !(value instanceof String)) {
            throw ControlRequestException.badRequest("The field '" + name + "' must be a string; got " + value);
        }
        return (String) value;
    }
}
