package io.quarkiverse.alioss.runtime.client;

import java.util.function.Consumer;

import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.runtime.crc.Crc64;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * CRC-64 of the bytes one attempt actually sent, compared with the {@code x-oss-hash-crc64ecma} OSS computed over
 * what it received. Reset at the start of every attempt.
 */
final class SentBytesCrc implements Consumer<Buffer> {

    private final Crc64 crc = new Crc64();
    private long length;

    void reset() {
        crc.reset();
        length = 0;
    }

    @Override
    public void accept(Buffer chunk) {
        // nioBuffer() views the bytes without copying them
        crc.update(chunk.getDelegate().getByteBuf().nioBuffer());
        length += chunk.length();
    }

    long value() {
        return crc.getValue();
    }

    long length() {
        return length;
    }

    /** Fails when OSS reported a CRC that differs from the sent bytes' CRC; no header means nothing to check. */
    void verify(OssRequest request, OssResponse response) {
        Long reported = ResponseHeaders.crc64(response.header("x-oss-hash-crc64ecma"));
        if (reported != null && reported != value()) {
            throw mismatch(request.method, request.key, value(), reported, response.requestId(),
                    "the data OSS stored differs from the data sent");
        }
    }

    static OssException mismatch(String method, String key, long expected, long reported, String requestId,
            String what) {
        return new OssException(0, "InvalidCRC64", "CRC-64 mismatch: " + what + " (client "
                + Crc64.toUnsignedString(expected) + ", OSS " + Crc64.toUnsignedString(reported) + ")", requestId,
                null, null, method, key, null);
    }
}
