package io.quarkiverse.alioss.emulator.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * CRC-64/XZ ("ECMA" as OSS calls it): reflected polynomial 0xC96C5795D7870F42, init and xorout all ones. The value
 * OSS reports in {@code x-oss-hash-crc64ecma}. {@link #combine} joins the CRCs of two adjacent byte ranges without
 * re-reading them, which is how a multipart object gets its whole-object CRC.
 */
public final class Crc64 {

    private Crc64() {
    }

    private static final long POLY = 0xC96C5795D7870F42L;
    /** Slicing-by-8 tables: T[k][b] is the CRC contribution of byte b seen k bytes before the end of a block. */
    private static final long[][] T = new long[8][256];
    private static final long[] TABLE = T[0];
    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLE[i] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                long previous = T[k - 1][i];
                T[k][i] = (previous >>> 8) ^ TABLE[(int) (previous & 0xFF)];
            }
        }
    }

    /** Continues a running CRC (the finished value of the preceding bytes; 0 for none). */
    public static long update(long crc, byte[] data, int off, int len) {
        long c = ~crc;
        int end = off + len;
        int i = off;
        // eight bytes per step: this runs on the event loop for every uploaded byte
        for (; i + 8 <= end; i += 8) {
            c ^= (long) LITTLE_ENDIAN_LONG.get(data, i);
            c = T[7][(int) (c & 0xFF)] ^ T[6][(int) ((c >>> 8) & 0xFF)] ^ T[5][(int) ((c >>> 16) & 0xFF)]
                    ^ T[4][(int) ((c >>> 24) & 0xFF)] ^ T[3][(int) ((c >>> 32) & 0xFF)]
                    ^ T[2][(int) ((c >>> 40) & 0xFF)] ^ T[1][(int) ((c >>> 48) & 0xFF)] ^ T[0][(int) (c >>> 56)];
        }
        for (; i < end; i++) {
            c = TABLE[(int) ((c ^ data[i]) & 0xFF)] ^ (c >>> 8);
        }
        return ~c;
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
