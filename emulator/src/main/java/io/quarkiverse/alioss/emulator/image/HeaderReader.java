package io.quarkiverse.alioss.emulator.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Sequential reads of header bytes; never reads more of the stream than asked for. */
final class HeaderReader {

    private final InputStream in;
    private byte[] pushedBack = new byte[0];

    HeaderReader(InputStream in) {
        this.in = in;
    }

    /** Up to n bytes without consuming them (shorter at end of stream). */
    byte[] peek(int n) throws IOException {
        byte[] bytes = read(n);
        pushedBack = bytes;
        return bytes;
    }

    /** Up to n bytes (shorter only at end of stream). */
    byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        int filled = Math.min(n, pushedBack.length);
        System.arraycopy(pushedBack, 0, out, 0, filled);
        pushedBack = Arrays.copyOfRange(pushedBack, filled, pushedBack.length);
        while (filled < n) {
            int got = in.read(out, filled, n - filled);
            if (got < 0) {
                return Arrays.copyOf(out, filled);
            }
            filled += got;
        }
        return out;
    }

    /** Exactly n bytes, or null at end of stream. */
    byte[] readFully(int n) throws IOException {
        byte[] bytes = read(n);
        return bytes.length == n ? bytes : null;
    }

    /** Skips n bytes; false at end of stream. */
    boolean skip(long n) throws IOException {
        long remaining = n;
        int fromPushedBack = (int) Math.min(remaining, pushedBack.length);
        pushedBack = Arrays.copyOfRange(pushedBack, fromPushedBack, pushedBack.length);
        remaining -= fromPushedBack;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
        return true;
    }

    static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    static int u24le(byte[] b, int i) {
        return u16le(b, i) | (b[i + 2] & 0xFF) << 16;
    }

    static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }
}
