package io.quarkiverse.alioss.emulator.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One object as stored. Immutable: changing its ACL or tags stores a changed copy.
 *
 * @param etag ETag without quotes (uppercase MD5 hex, or {@code HEX-N} for multipart objects)
 * @param contentMd5 Base64 MD5 of the bytes, or null for multipart objects (OSS sends none for them)
 * @param headers stored representation headers (Content-Type, Content-Disposition, Cache-Control, ...) and
 *        {@code x-oss-meta-*}, lowercase names, in the order given
 * @param acl the object ACL: {@code default} (the bucket's), {@code private}, {@code public-read},
 *        {@code public-read-write}
 * @param tags object tags in the order given, not to be modified
 */
public record StoredObject(String key, Blob blob, long size, String etag, String contentMd5, long crc64,
        Instant lastModified, String objectType, Map<String, String> headers, String acl, Map<String, String> tags) {

    public static final String DEFAULT_ACL = "default";

    /** An object with the bucket's ACL and no tags. */
    public StoredObject(String key, Blob blob, long size, String etag, String contentMd5, long crc64,
            Instant lastModified, String objectType, Map<String, String> headers) {
        this(key, blob, size, etag, contentMd5, crc64, lastModified, objectType, headers, DEFAULT_ACL, Map.of());
    }

    public StoredObject withAcl(String newAcl) {
        return new StoredObject(key, blob, size, etag, contentMd5, crc64, lastModified, objectType, headers, newAcl,
                tags);
    }

    public StoredObject withTags(Map<String, String> newTags) {
        return new StoredObject(key, blob, size, etag, contentMd5, crc64, lastModified, objectType, headers, acl,
                Collections.unmodifiableMap(new LinkedHashMap<>(newTags)));
    }

    public String contentType() {
        return headers.getOrDefault("content-type", "application/octet-stream");
    }
}
