package io.quarkiverse.alioss.emulator.store;

import java.time.Instant;
import java.util.Map;

/**
 * One object as stored.
 *
 * @param etag ETag without quotes (uppercase MD5 hex, or {@code HEX-N} for multipart objects)
 * @param contentMd5 Base64 MD5 of the bytes, or null for multipart objects (OSS sends none for them)
 * @param headers stored representation headers (Content-Type, Content-Disposition, Cache-Control, ...) and
 *        {@code x-oss-meta-*}, lowercase names, in the order given
 */
public record StoredObject(String key, Blob blob, long size, String etag, String contentMd5, long crc64,
        Instant lastModified, String objectType, Map<String, String> headers) {

    public String contentType() {
        return headers.getOrDefault("content-type", "application/octet-stream");
    }
}
