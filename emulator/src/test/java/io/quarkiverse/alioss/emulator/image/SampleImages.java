package io.quarkiverse.alioss.emulator.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real image files for the tests: PNG, JPEG and GIF from the JDK's encoders, WebP containers built by hand. */
public final class SampleImages {

    private SampleImages() {
    }

    /** An image of that size encoded by ImageIO ("png", "jpg", "gif"). */
    public static byte[] encode(String format, int width, int height, int type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(new BufferedImage(width, height, type), format, out)) {
            throw new IllegalStateException("the JDK has no " + format + " encoder");
        }
        return out.toByteArray();
    }

    /** A lossless (VP8L) WebP header of that size: signature byte and the 14-bit width and height minus one. */
    public static byte[] losslessWebp(int width, int height) {
        long bits = (width - 1) | ((long) (height - 1) << 14);
        return riff("VP8L", new byte[] { 0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16),
                (byte) (bits >> 24), 0, 0 });
    }

    /** A RIFF/WEBP container with one chunk. */
    public static byte[] riff(String chunk, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(4 + 8 + payload.length));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(payload.length));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        return new byte[] { (byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24) };
    }
}
