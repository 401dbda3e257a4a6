package io.quarkiverse.alioss.emulator.image;

import java.io.IOException;

/**
 * JPEG: walks the marker segments after SOI (skipping APPn such as EXIF, DQT, DHT, COM, ...) until a
 * start-of-frame marker (SOF0..SOF15 except DHT C4, JPG C8 and DAC CC), which holds height then width.
 */
final class JpegHeader {

    private static final int MAX_SEGMENTS = 1024;

    private JpegHeader() {
    }

    static boolean matches(byte[] magic) {
        return (magic[0] & 0xFF) == 0xFF && (magic[1] & 0xFF) == 0xD8 && (magic[2] & 0xFF) == 0xFF;
    }

    static ImageInfo read(HeaderReader reader) throws IOException {
        if (reader.readFully(2) == null) {
            return null;
        }
        for (int segments = 0; segments < MAX_SEGMENTS; segments++) {
            int marker = nextMarker(reader);
            if (marker < 0 || marker == 0xD9 || marker == 0xDA) {
                return null; // end of image or start of scan without a frame header
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // standalone markers carry no length
            }
            byte[] lengthBytes = reader.readFully(2);
            if (lengthBytes == null) {
                return null;
            }
            int length = HeaderReader.u16be(lengthBytes, 0);
            if (length < 2) {
                return null;
            }
            if (isStartOfFrame(marker)) {
                byte[] frame = reader.readFully(5); // precision, height, width
                if (frame == null) {
                    return null;
                }
                return Dimensions.of(HeaderReader.u16be(frame, 3), HeaderReader.u16be(frame, 1), "jpg");
            }
            if (!reader.skip(length - 2L)) {
                return null;
            }
        }
        return null;
    }

    /** The marker code after one or more 0xFF fill bytes, or -1 when the data is not at a marker. */
    private static int nextMarker(HeaderReader reader) throws IOException {
        byte[] b = reader.readFully(1);
        if (b == null || (b[0] & 0xFF) != 0xFF) {
            return -1;
        }
        do {
            b = reader.readFully(1);
            if (b == null) {
                return -1;
            }
        } while ((b[0] & 0xFF) == 0xFF);
        return b[0] & 0xFF;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
