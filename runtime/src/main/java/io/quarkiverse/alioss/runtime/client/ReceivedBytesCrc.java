package io.quarkiverse.alioss.runtime.client;

import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkiverse.alioss.runtime.crc.Crc64;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * CRC-64 of the bytes a download received, compared at the end with the {@code x-oss-hash-crc64ecma} of the stored
 * object. Only a full read (HTTP 200, no {@code Range}) can be checked: the header is the whole object's CRC.
 */
final class ReceivedBytesCrc implements Consumer<Buffer> {

    private final Crc64 crc = new Crc64();

    void reset() {
        crc.reset();
    }

    @Override
    public void accept(Buffer chunk) {
        update(chunk.getDelegate());
    }

    void update(io.vertx.core.buffer.Buffer chunk) {
        // nioBuffer() views the bytes without copying them
        crc.update(chunk.getByteBuf().nioBuffer());
    }

    /**
     * Fails with an {@code InvalidCRC64} {@link io.quarkiverse.alioss.OssException} when a full read's bytes differ
     * from what OSS says it stores; ranged reads and responses without the header are not checked.
     *
     * @param header looks up a response header by name (case-insensitive), null when absent
     */
    void verify(OssRequest request, int status, Function<String, String> header) {
        if (status != 200 || request.headers.containsKey("Range")) {
            return;
        }
        Long stored = ResponseHeaders.crc64(header.apply("x-oss-hash-crc64ecma"));
        if (stored != null && stored != crc.getValue()) {
            throw SentBytesCrc.mismatch(request.method, request.key, crc.getValue(), stored,
                    header.apply("x-oss-request-id"), "the data received differs from the object OSS stores");
        }
    }
}
