package io.quarkiverse.alioss.emulator.store;

import io.vertx.core.buffer.Buffer;

/** Hashes the bytes of a blob written to it (MD5 and CRC-64) and keeps nothing else. */
final class HashingSink extends BufferSink {

    final ContentHasher hasher = new ContentHasher();

    @Override
    void accept(Buffer data) {
        hasher.update(data);
    }
}
