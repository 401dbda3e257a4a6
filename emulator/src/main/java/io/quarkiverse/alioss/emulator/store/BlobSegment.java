package io.quarkiverse.alioss.emulator.store;

import io.vertx.core.buffer.Buffer;

/**
 * One piece of an object's bytes as the durable index records it: a range of a blob file of the data directory, or
 * (for the rare blob that lives in memory, such as a symlink's empty body) the bytes themselves.
 *
 * @param file the blob file's name in the data directory, or null for inline bytes
 * @param inline the bytes, or null for a file range
 */
record BlobSegment(String file, long offset, long length, Buffer inline) {

    static BlobSegment ofFile(String file, long offset, long length) {
        return new BlobSegment(file, offset, length, null);
    }

    static BlobSegment ofBytes(Buffer bytes) {
        return new BlobSegment(null, 0, bytes.length(), bytes);
    }
}
