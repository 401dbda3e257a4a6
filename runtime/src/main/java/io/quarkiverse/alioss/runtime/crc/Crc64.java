package io.quarkiverse.alioss.runtime.crc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * CRC-64 as OSS reports it in {@code x-oss-hash-crc64ecma}: CRC-64/XZ (reflected polynomial
 * {@code 0xC96C5795D7870F42}, init and xorout all ones). Table driven, slicing-by-8.
 * <p>
 * {@link #getValue()} is a {@code long} with unsigned meaning; use {@link #toUnsignedString(long)} for the header value
 * and {@link #parseUnsigned(String)} to read one. Not thread safe, like any {@link Checksum}.
 */
public final class Crc64 implements Checksum {

    static final long POLY = 0xC96C5795D7870F42L;

    /** TABLES[k][b]: CRC register after byte b followed by k zero bytes; TABLES[0] is the classic byte table. */
    private static final long[][] TABLES = buildTables();

    /** ZERO_OPERATORS[k] maps a CRC register to the register after 2^k zero bytes (GF(2) 64x64 matrix, by column). */
    private static final long[][] ZERO_OPERATORS = buildZeroOperators();

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Register, i.e. the CRC before the final xor. */
    private long register = ~0L;

    public Crc64() {
    }

    /** CRC-64 of a whole array. */
    public static long of(byte[] data) {
        Crc64 crc = new Crc64();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }

    @Override
    public void update(int b) {
        register = TABLES[0][(int) (register ^ b) & 0xFF] ^ (register >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new ArrayIndexOutOfBoundsException("offset " + off + " and length " + len
                    + " do not fit an array of " + b.length);
        }
        register = updateArray(register, b, off, len);
    }

    @Override
    public void update(ByteBuffer buffer) {
        int remaining = buffer.remaining();
        if (remaining == 0) {
            return;
        }
        if (buffer.hasArray()) {
            register = updateArray(register, buffer.array(), buffer.arrayOffset() + buffer.position(), remaining);
            buffer.position(buffer.limit());
            return;
        }
        long crc = register;
        ByteBuffer le = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        while (le.remaining() >= 8) {
            crc = step8(crc ^ le.getLong());
        }
        while (le.hasRemaining()) {
            crc = TABLES[0][(int) (crc ^ le.get()) & 0xFF] ^ (crc >>> 8);
        }
        register = crc;
        buffer.position(buffer.limit());
    }

    /** The CRC so far, unsigned in meaning; 0 for no data. */
    @Override
    public long getValue() {
        return ~register;
    }

    @Override
    public void reset() {
        register = ~0L;
    }

    /** The header form of a CRC value: unsigned decimal. */
    public static String toUnsignedString(long crc) {
        return Long.toUnsignedString(crc);
    }

    /** Reads an {@code x-oss-hash-crc64ecma} header value (unsigned decimal). */
    public static long parseUnsigned(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw new NumberFormatException("CRC-64 value (x-oss-hash-crc64ecma) is missing");
        }
        try {
            return Long.parseUnsignedLong(headerValue.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("CRC-64 value (x-oss-hash-crc64ecma) is not an unsigned 64-bit decimal: '"
                    + headerValue + "'");
        }
    }

    /**
     * The CRC of A followed by B, from the CRC of A, the CRC of B and the length of B: lets a multipart upload check
     * the whole object's CRC from its parts' CRCs without reading the data again.
     */
    public static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB < 0) {
            throw new IllegalArgumentException("lengthB must not be negative, was " + lengthB);
        }
        // With init == xorout == all ones, the CRC of A||B is (crcA advanced over lengthB zero bytes) xor crcB.
        long advanced = crcA;
        for (int k = 0; lengthB != 0; k++, lengthB >>>= 1) {
            if ((lengthB & 1) != 0) {
                advanced = multiply(ZERO_OPERATORS[k], advanced);
            }
        }
        return advanced ^ crcB;
    }

    private static long updateArray(long crc, byte[] b, int off, int len) {
        int end = off + len;
        for (; off <= end - 8; off += 8) {
            crc = step8(crc ^ (long) LONG_LE.get(b, off));
        }
        for (; off < end; off++) {
            crc = TABLES[0][(int) (crc ^ b[off]) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    /** Advances the register over 8 bytes already xored into it (slicing-by-8). */
    private static long step8(long x) {
        long[][] t = TABLES;
        return t[7][(int) x & 0xFF] ^ t[6][(int) (x >>> 8) & 0xFF] ^ t[5][(int) (x >>> 16) & 0xFF]
                ^ t[4][(int) (x >>> 24) & 0xFF] ^ t[3][(int) (x >>> 32) & 0xFF] ^ t[2][(int) (x >>> 40) & 0xFF]
                ^ t[1][(int) (x >>> 48) & 0xFF] ^ t[0][(int) (x >>> 56) & 0xFF];
    }

    private static long[][] buildTables() {
        long[][] tables = new long[8][256];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            tables[0][n] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int n = 0; n < 256; n++) {
                long previous = tables[k - 1][n];
                tables[k][n] = tables[0][(int) previous & 0xFF] ^ (previous >>> 8);
            }
        }
        return tables;
    }

    private static long[][] buildZeroOperators() {
        // Operator for one zero bit: column i is the image of the register with only bit i set.
        long[] oneBit = new long[64];
        oneBit[0] = POLY;
        for (int i = 1; i < 64; i++) {
            oneBit[i] = 1L << (i - 1);
        }
        long[] op = oneBit;
        for (int i = 0; i < 3; i++) { // 1 bit -> 2 -> 4 -> 8 bits = one byte
            op = square(op);
        }
        long[][] operators = new long[63][];
        for (int k = 0; k < operators.length; k++) {
            operators[k] = op;
            op = square(op);
        }
        return operators;
    }

    private static long[] square(long[] matrix) {
        long[] result = new long[64];
        for (int i = 0; i < 64; i++) {
            result[i] = multiply(matrix, matrix[i]);
        }
        return result;
    }

    private static long multiply(long[] matrix, long vector) {
        long result = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                result ^= matrix[i];
            }
        }
        return result;
    }
}
