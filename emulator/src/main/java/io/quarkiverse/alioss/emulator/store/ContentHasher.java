package io.quarkiverse.alioss.emulator.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/** MD5 and CRC-64 of bytes as they arrive, without copying heap buffers. */
final class ContentHasher {

    private final MessageDigest md5;
    private long crc;
    private long length;

    ContentHasher() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the JDK", e);
        }
    }

    void update(Buffer buffer) {
        ByteBuf buf = buffer.getByteBuf();
        int len = buf.readableBytes();
        if (buf.hasArray()) {
            byte[] array = buf.array();
            int off = buf.arrayOffset() + buf.readerIndex();
            md5.update(array, off, len);
            crc = Crc64.update(crc, array, off, len);
        } else {
            byte[] copy = buffer.getBytes();
            md5.update(copy);
            crc = Crc64.update(crc, copy, 0, copy.length);
        }
        length += len;
    }

    long length() {
        return length;
    }

    long crc64() {
        return crc;
    }

    byte[] md5() {
        return md5.digest();
    }
}
