package io.quarkiverse.alioss.model;

/**
 * The outcome of an AppendObject.
 *
 * @param key the appendable object
 * @param nextPosition where the next append starts: the object's length now ({@code x-oss-next-append-position})
 * @param crc64 the CRC-64 of the whole object now ({@code x-oss-hash-crc64ecma}), checked against the data sent
 * @param requestId the OSS request id
 */
public record AppendResult(String key, long nextPosition, long crc64, String requestId) {
}
