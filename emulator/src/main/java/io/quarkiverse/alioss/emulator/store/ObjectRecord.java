package io.quarkiverse.alioss.emulator.store;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The durable index's record of one object: everything a {@link StoredObject} holds, with its bytes as
 * {@link BlobSegment}s. JSON, so a person can read it; headers and tags keep their order.
 */
final class ObjectRecord {

    /** Written into every record; a record of another format is skipped rather than misread. */
    static final int FORMAT = 1;

    private ObjectRecord() {
    }

    static Buffer write(StoredObject object) {
        JsonArray segments = new JsonArray();
        for (BlobSegment segment : BlobSegments.of(object.blob())) {
            segments.add(segment.inline() != null ? new JsonObject().put("inline", segment.inline().getBytes())
                    : new JsonObject().put("file", segment.file()).put("offset", segment.offset())
                            .put("length", segment.length()));
        }
        return new JsonObject()
                .put("format", FORMAT)
                .put("key", object.key())
                .put("size", object.size())
                .put("etag", object.etag())
                .put("contentMd5", object.contentMd5())
                .put("crc64", object.crc64())
                .put("lastModified", object.lastModified().toString())
                .put("objectType", object.objectType())
                .put("headers", new JsonObject(new LinkedHashMap<String, Object>(object.headers())))
                .put("acl", object.acl())
                .put("tags", new JsonObject(new LinkedHashMap<String, Object>(object.tags())))
                .put("segments", segments)
                .toBuffer();
    }

    /** @throws IOException when the record is not one this format describes, or its bytes are gone */
    static StoredObject read(Buffer record, BlobFiles files) throws IOException {
        JsonObject json;
        try {
            json = new JsonObject(record);
        } catch (RuntimeException e) {
            throw new IOException("not JSON (" + e.getMessage() + ")", e);
        }
        try {
            if (json.getInteger("format", 0) != FORMAT) {
                throw new IOException("format " + json.getValue("format") + " is not " + FORMAT);
            }
            List<BlobSegment> segments = segments(json.getJsonArray("segments"));
            long size = required(json.getLong("size"), "size");
            long total = segments.stream().mapToLong(BlobSegment::length).sum();
            if (total != size) {
                throw new IOException("the segments hold " + total + " bytes, the object " + size);
            }
            Blob blob = files.blobOf(segments);
            return new StoredObject(required(json.getString("key"), "key"), blob, size,
                    required(json.getString("etag"), "etag"), json.getString("contentMd5"),
                    required(json.getLong("crc64"), "crc64"),
                    Instant.parse(required(json.getString("lastModified"), "lastModified")),
                    required(json.getString("objectType"), "objectType"), strings(json.getJsonObject("headers"), "headers"),
                    required(json.getString("acl"), "acl"), strings(json.getJsonObject("tags"), "tags"));
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IOException("a field has the wrong type (" + e.getMessage() + ")", e);
        }
    }

    private static List<BlobSegment> segments(JsonArray array) throws IOException {
        List<BlobSegment> segments = new ArrayList<>();
        for (Object item : required(array, "segments")) {
            JsonObject segment = (JsonObject) item;
            if (segment.containsKey("inline")) {
                segments.add(BlobSegment.ofBytes(Buffer.buffer(segment.getBinary("inline"))));
            } else {
                segments.add(BlobSegment.ofFile(segment.getString("file"), required(segment.getLong("offset"), "offset"),
                        required(segment.getLong("length"), "length")));
            }
        }
        return segments;
    }

    private static Map<String, String> strings(JsonObject json, String field) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : required(json, field)) {
            values.put(entry.getKey(), (String) entry.getValue());
        }
        return Collections.unmodifiableMap(values);
    }

    private static <T> T required(T value, String field) throws IOException {
        if (value == null) {
            throw new IOException("'" + field + "' is missing");
        }
        return value;
    }
}
