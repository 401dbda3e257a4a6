package io.quarkiverse.alioss.emulator.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ImageInfoTest {

    static byte[] encode(String format, int width, int height, int type) throws IOException {
        return SampleImages.encode(format, width, height, type);
    }

    /** Counts how many bytes the probe pulls from the stream. */
    static final class CountingStream extends ByteArrayInputStream {
        int consumed;

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            consumed += Math.max(n, 0);
            return n;
        }

        @Override
        public synchronized int read() {
            int n = super.read();
            consumed += n < 0 ? 0 : 1;
            return n;
        }

        @Override
        public synchronized long skip(long n) {
            long s = super.skip(n);
            consumed += (int) s;
            return s;
        }
    }

    static ImageInfo probe(byte[] data) throws IOException {
        return ImageInfo.probe(new ByteArrayInputStream(data));
    }

    @Test
    void readsPngSizeFromIhdrOnly() throws IOException {
        byte[] png = encode("png", 200, 278, BufferedImage.TYPE_INT_RGB);
        CountingStream in = new CountingStream(png);
        assertThat(ImageInfo.probe(in)).isEqualTo(new ImageInfo(200, 278, "png"));
        assertThat(in.consumed).isLessThanOrEqualTo(24);
    }

    @Test
    void readsJpegSizeFromTheFrameHeader() throws IOException {
        byte[] jpeg = encode("jpg", 810, 539, BufferedImage.TYPE_INT_RGB);
        CountingStream in = new CountingStream(jpeg);
        assertThat(ImageInfo.probe(in)).isEqualTo(new ImageInfo(810, 539, "jpg"));
        assertThat(in.consumed).as("stops at the frame header").isLessThan(jpeg.length);
    }

    @Test
    void readsJpegWhoseFirstSegmentIsExif() throws IOException {
        byte[] jpeg = encode("jpg", 31, 17, BufferedImage.TYPE_INT_RGB);
        byte[] exifPayload = new byte[3000];
        byte[] header = "Exif\0\0MM".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, exifPayload, 0, header.length);
        int length = exifPayload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length });
        out.write(exifPayload);
        out.write(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 5, 'a', 'b', 'c' }); // a comment segment
        out.write(jpeg, 2, jpeg.length - 2);
        assertThat(probe(out.toByteArray())).isEqualTo(new ImageInfo(31, 17, "jpg"));
    }

    @Test
    void readsProgressiveStyleSofMarkersToo() throws IOException {
        // SOI, SOF2 (progressive) with height 300 and width 400
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0x01, 0x2C, 0x01, (byte) 0x90,
                1, 1, 0x11, 0 };
        assertThat(probe(jpeg)).isEqualTo(new ImageInfo(400, 300, "jpg"));
    }

    @Test
    void readsGifLogicalScreenSize() throws IOException {
        byte[] gif = encode("gif", 64, 48, BufferedImage.TYPE_BYTE_INDEXED);
        CountingStream in = new CountingStream(gif);
        assertThat(ImageInfo.probe(in)).isEqualTo(new ImageInfo(64, 48, "gif"));
        assertThat(in.consumed).isLessThanOrEqualTo(12);
    }

    static byte[] riff(String chunk, byte[] payload) {
        return SampleImages.riff(chunk, payload);
    }

    @Test
    void readsLossyWebp() throws IOException {
        // frame tag (key frame), start code, width 320 and height 240 with scale bits set in the top 2 bits
        byte[] payload = { 0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A, 0x40, 0x41, (byte) 0xF0, (byte) 0xC0, 0, 0 };
        assertThat(probe(riff("VP8 ", payload))).isEqualTo(new ImageInfo(320, 240, "webp"));
    }

    @Test
    void readsLosslessWebp() throws IOException {
        assertThat(probe(SampleImages.losslessWebp(1000, 3))).isEqualTo(new ImageInfo(1000, 3, "webp"));
    }

    @Test
    void readsExtendedWebp() throws IOException {
        int w = 70000 - 1;
        int h = 5 - 1;
        byte[] payload = { 0x10, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) (w >> 16), (byte) h, (byte) (h >> 8),
                (byte) (h >> 16) };
        assertThat(probe(riff("VP8X", payload))).isEqualTo(new ImageInfo(70000, 5, "webp"));
    }

    @Test
    void nonImagesAndBrokenHeadersGiveNull() throws IOException {
        assertThat(probe(new byte[0])).isNull();
        assertThat(probe("hello, this is text".getBytes(StandardCharsets.US_ASCII))).isNull();
        byte[] png = encode("png", 5, 5, BufferedImage.TYPE_INT_RGB);
        assertThat(probe(Arrays.copyOf(png, 20))).as("truncated PNG").isNull();
        byte[] jpeg = encode("jpg", 5, 5, BufferedImage.TYPE_INT_RGB);
        assertThat(probe(Arrays.copyOf(jpeg, 30))).as("truncated JPEG").isNull();
        assertThat(probe(riff("VP8 ", new byte[] { 0, 0, 0, 1, 2, 3, 4, 5, 6, 7 }))).as("bad VP8 start code").isNull();
        assertThat(probe(riff("ALPH", new byte[10]))).as("unknown WebP chunk").isNull();
        assertThat(probe(new byte[] { 'G', 'I', 'F', '8', '9', 'a', 0, 0, 0, 0 })).as("zero-size GIF").isNull();
    }

    @Test
    void readsFromAStreamThatDeliversOneByteAtATime() throws IOException {
        byte[] jpeg = encode("jpg", 12, 34, BufferedImage.TYPE_INT_RGB);
        InputStream trickle = new ByteArrayInputStream(jpeg) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }

            @Override
            public synchronized long skip(long n) {
                return 0;
            }
        };
        assertThat(ImageInfo.probe(trickle)).isEqualTo(new ImageInfo(12, 34, "jpg"));
    }
}
