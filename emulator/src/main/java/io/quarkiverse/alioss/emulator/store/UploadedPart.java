package io.quarkiverse.alioss.emulator.store;

import java.time.Instant;

/** One part of a multipart upload; {@code etag} without quotes. */
public record UploadedPart(int partNumber, Blob blob, long size, String etag, long crc64, Instant lastModified) {
}
