package io.quarkiverse.alioss.emulator.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * Width, height and format of an image, as OSS reports them in the {@code imageInfo.*} callback variables.
 *
 * @param format "png" | "jpg" | "gif" | "webp"
 */
public record ImageInfo(int width, int height, String format) {

    /** Reads only the header bytes it needs from the stream; returns null for non-images or unparseable data. */
    public static ImageInfo probe(InputStream in) throws IOException {
        HeaderReader reader = new HeaderReader(in);
        byte[] magic = reader.peek(12);
        if (magic.length >= 8 && PngHeader.matches(magic)) {
            return PngHeader.read(reader);
        }
        if (magic.length >= 3 && JpegHeader.matches(magic)) {
            return JpegHeader.read(reader);
        }
        if (magic.length >= 6 && GifHeader.matches(magic)) {
            return GifHeader.read(reader);
        }
        if (magic.length >= 12 && WebpHeader.matches(magic)) {
            return WebpHeader.read(reader);
        }
        return null;
    }
}
