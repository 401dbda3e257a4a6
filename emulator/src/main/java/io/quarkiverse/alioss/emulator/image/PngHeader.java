package io.quarkiverse.alioss.emulator.image;

import java.io.IOException;

/** PNG: the 8-byte signature, then the IHDR chunk carries width and height (big-endian). */
final class PngHeader {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    private PngHeader() {
    }

    static boolean matches(byte[] magic) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (magic[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static ImageInfo read(HeaderReader reader) throws IOException {
        byte[] head = reader.readFully(24); // signature, chunk length, "IHDR", width, height
        if (head == null || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            return null;
        }
        long width = HeaderReader.u32be(head, 16);
        long height = HeaderReader.u32be(head, 20);
        return Dimensions.of(width, height, "png");
    }
}
