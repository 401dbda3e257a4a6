package io.quarkiverse.alioss.emulator.image;

import java.io.IOException;

/** GIF87a/GIF89a: the logical screen width and height follow the 6-byte signature (little-endian). */
final class GifHeader {

    private GifHeader() {
    }

    static boolean matches(byte[] magic) {
        return magic[0] == 'G' && magic[1] == 'I' && magic[2] == 'F' && magic[3] == '8'
                && (magic[4] == '7' || magic[4] == '9') && magic[5] == 'a';
    }

    static ImageInfo read(HeaderReader reader) throws IOException {
        byte[] head = reader.readFully(10);
        if (head == null) {
            return null;
        }
        return Dimensions.of(HeaderReader.u16le(head, 6), HeaderReader.u16le(head, 8), "gif");
    }
}
