package io.quarkiverse.alioss.emulator.image;

import java.io.IOException;

/**
 * WebP: a RIFF container whose first chunk is VP8 (lossy: key-frame header, 14-bit sizes), VP8L (lossless: 14-bit
 * sizes minus one after the 0x2F signature) or VP8X (extended: 24-bit canvas sizes minus one).
 */
final class WebpHeader {

    private WebpHeader() {
    }

    static boolean matches(byte[] magic) {
        return magic[0] == 'R' && magic[1] == 'I' && magic[2] == 'F' && magic[3] == 'F'
                && magic[8] == 'W' && magic[9] == 'E' && magic[10] == 'B' && magic[11] == 'P';
    }

    static ImageInfo read(HeaderReader reader) throws IOException {
        byte[] head = reader.read(30); // RIFF header (12), chunk header (8), first 10 payload bytes
        if (head.length < 25 || head[12] != 'V' || head[13] != 'P' || head[14] != '8') {
            return null;
        }
        return switch (head[15]) {
            case ' ' -> head.length == 30 ? lossy(head) : null;
            case 'L' -> lossless(head);
            case 'X' -> head.length == 30 ? extended(head) : null;
            default -> null;
        };
    }

    private static ImageInfo lossy(byte[] h) {
        // payload: 3-byte frame tag, start code 9D 01 2A, then 16-bit little-endian width and height (14 bits used)
        if ((h[23] & 0xFF) != 0x9D || (h[24] & 0xFF) != 0x01 || (h[25] & 0xFF) != 0x2A) {
            return null;
        }
        return Dimensions.of(HeaderReader.u16le(h, 26) & 0x3FFF, HeaderReader.u16le(h, 28) & 0x3FFF, "webp");
    }

    private static ImageInfo lossless(byte[] h) {
        if ((h[20] & 0xFF) != 0x2F) {
            return null;
        }
        long bits = (h[21] & 0xFFL) | (h[22] & 0xFFL) << 8 | (h[23] & 0xFFL) << 16 | (h[24] & 0xFFL) << 24;
        return Dimensions.of((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, "webp");
    }

    private static ImageInfo extended(byte[] h) {
        // payload: 1 byte flags, 3 reserved, 24-bit width-1, 24-bit height-1
        return Dimensions.of(HeaderReader.u24le(h, 24) + 1L, HeaderReader.u24le(h, 27) + 1L, "webp");
    }
}
