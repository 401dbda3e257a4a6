package io.quarkiverse.alioss.emulator.store;

/**
 * CRC-64/XZ ("ECMA" as OSS calls it): reflected polynomial 0xC96C5795D7870F42, init and xorout all ones. The value
 * OSS reports in {@code x-oss-hash-crc64ecma}. {@link #combine} joins the CRCs of two adjacent byte ranges without
 * re-reading them, which is how a multipart object gets its whole-object CRC.
 */
public final class Crc64 {

    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private long crc;

    /** Continues a running CRC (the finished value of the preceding bytes; 0 for none). */
    public static long update(long crc, byte[] data, int off, int len) {
        long c = ~crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(int) ((c ^ data[i]) & 0xFF)] ^ (c >>> 8);
        }
        return ~c;
    }

    public void update(byte[] data, int off, int len) {
        crc = update(crc, data, off, len);
    }

    public long value() {
        return crc;
    }

    /** The unsigned decimal form used in headers. */
    public static String toHeader(long crc) {
        return Long.toUnsignedString(crc);
    }

    /**
     * CRC of A followed by B, given crc(A), crc(B) and the length of B (zlib's GF(2) matrix method adapted to 64 bits).
     */
    public static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        long[] odd = new long[64];
        long[] even = new long[64];
        odd[0] = POLY;
        long row = 1;
        for (int n = 1; n < 64; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        long a = crcA;
        long len = lengthB;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                a = times(even, a);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                a = times(odd, a);
            }
            len >>>= 1;
        } while (len != 0);
        return a ^ crcB;
    }

    private static long times(long[] matrix, long vec) {
        long sum = 0;
        int i = 0;
        while (vec != 0) {
            if ((vec & 1) != 0) {
                sum ^= matrix[i];
            }
            vec >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 64; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
