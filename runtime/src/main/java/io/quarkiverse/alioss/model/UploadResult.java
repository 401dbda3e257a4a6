package io.quarkiverse.alioss.model;

import java.util.Optional;
import java.util.OptionalLong;

import io.quarkiverse.alioss.callback.OssCallbackReply;

/**
 * Outcome of any write that creates an object: PutObject, CompleteMultipartUpload and the high-level upload.
 *
 * @param key the object key
 * @param etag ETag without quotes (multipart objects have the form {@code HEX-N})
 * @param crc64 CRC-64/ECMA OSS reported for the whole object
 * @param requestId OSS request id of the request that created the object
 * @param versionId version id on versioned buckets
 * @param partCount number of parts, {@code 0} for a single PutObject
 * @param callbackReply the application's callback reply when the upload carried a callback
 */
public record UploadResult(String key, String etag, OptionalLong crc64, String requestId, Optional<String> versionId,
        int partCount, Optional<OssCallbackReply> callbackReply) {

    /** True when the object was written with a multipart upload. */
    public boolean multipart() {
        return partCount > 0;
    }
}
