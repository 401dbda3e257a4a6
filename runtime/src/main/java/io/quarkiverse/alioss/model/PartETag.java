package io.quarkiverse.alioss.model;

import java.util.OptionalLong;

/**
 * An uploaded part: what CompleteMultipartUpload needs, plus what UploadPart reported.
 *
 * @param partNumber 1 to 10000
 * @param etag the part's ETag without quotes
 * @param size part size in bytes, {@code -1} when unknown
 * @param crc64 CRC-64 OSS reported for the part
 */
public record PartETag(int partNumber, String etag, long size, OptionalLong crc64) {
}
