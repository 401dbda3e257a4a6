package io.quarkiverse.alioss.model;

import io.vertx.mutiny.core.buffer.Buffer;

/**
 * An object read into memory.
 *
 * @param metadata the object's headers
 * @param content the bytes (the requested range only, for a ranged GET)
 */
public record OssObject(ObjectMetadata metadata, Buffer content) {

    public byte[] bytes() {
        return content.getBytes();
    }
}
