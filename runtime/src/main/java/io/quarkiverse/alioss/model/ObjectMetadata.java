package io.quarkiverse.alioss.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Headers OSS returns for an object (HeadObject, GetObject).
 *
 * @param key the object key
 * @param contentLength length of this response's content (of the range for a ranged GET)
 * @param contentType the object's content type
 * @param etag ETag without quotes
 * @param lastModified last modification time, when sent
 * @param crc64 CRC-64 of the whole object (also for ranged GETs)
 * @param objectType {@code Normal}, {@code Multipart} or {@code Appendable}
 * @param userMetadata {@code x-oss-meta-*} headers, names without the prefix, lower case
 * @param requestId OSS request id
 * @param versionId version id on versioned buckets
 * @param storageClass {@code x-oss-storage-class}; empty when not sent, or a class this version does not know
 * @param serverSideEncryption {@code x-oss-server-side-encryption} and its KMS key id, when the object is encrypted
 * @param cacheControl the stored {@code Cache-Control}
 * @param contentDisposition the stored {@code Content-Disposition}
 * @param tagCount {@code x-oss-tagging-count}: how many tags the object has, when it has any
 */
public record ObjectMetadata(String key, long contentLength, String contentType, String etag,
        Optional<Instant> lastModified, OptionalLong crc64, String objectType, Map<String, String> userMetadata,
        String requestId, Optional<String> versionId, Optional<StorageClass> storageClass,
        Optional<ServerSideEncryption> serverSideEncryption, Optional<String> cacheControl,
        Optional<String> contentDisposition, OptionalInt tagCount) {
}
