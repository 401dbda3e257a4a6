package io.quarkiverse.alioss.runtime.crc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * CRC-64 as OSS reports it in {@code x-oss-hash-crc64ecma}: CRC-64/XZ (reflected polynomial
 * {@code 0xC96C5795D7870F42}, init and xorout all ones). Table driven, 8 bytes per step with six lookups into tables
 * indexed by 11 or 10 bits of the register (fewer instructions per byte than the classic eight 8-bit lookups, tables
 * of 80 KiB). Long inputs are cut into groups of four adjacent stripes whose CRCs are computed interleaved and then
 * joined, because one CRC's lookups depend on each other and leave most of the CPU idle, while four independent ones
 * keep it busy.
 * <p>
 * {@link #getValue()} is a {@code long} with unsigned meaning; use {@link #toUnsignedString(long)} for the header value
 * and {@link #parseUnsigned(String)} to read one. Not thread safe, like any {@link Checksum}.
 */
public final class Crc64 implements Checksum {

    static final long POLY = 0xC96C5795D7870F42L;

    /** Bytes per stripe; a group is four stripes. Large enough that joining them costs under 1 % of the work. */
    static final int STRIPE = 1024;
    private static final int STRIPES = 4;
    private static final int GROUP = STRIPES * STRIPE;

    /** BYTE[b]: the register after byte b (xored into a zero register), for the bytes that do not fill a word. */
    private static final long[] BYTE = byteTable();

    // W<g>[v]: the register after the 8 bytes whose register bits at group g's position are v and all others 0.
    // Separate arrays of a power-of-two size: the masked index then provably fits, so the JIT drops bounds checks.
    private static final long[] W0 = wordTable(0, 11);
    private static final long[] W1 = wordTable(11, 11);
    private static final long[] W2 = wordTable(22, 11);
    private static final long[] W3 = wordTable(33, 11);
    private static final long[] W4 = wordTable(44, 10);
    private static final long[] W5 = wordTable(54, 10);

    /** ZERO_OPERATORS[k] maps a CRC register to the register after 2^k zero bytes (GF(2) 64x64 matrix, by column). */
    private static final long[][] ZERO_OPERATORS = buildZeroOperators();

    /** Advances a register over {@link #STRIPE} zero bytes, one table of 256 per register byte (byte k at k * 256). */
    private static final long[] OVER_STRIPE = zeroRunTable(STRIPE);

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
        register = BYTE[(int) (register ^ b) & 0xFF] ^ (register >>> 8);
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
        register = updateBuffer(register, buffer.slice().order(ByteOrder.LITTLE_ENDIAN), remaining);
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
        for (; off <= end - GROUP; off += GROUP) {
            crc = group(crc, b, off);
        }
        for (; off <= end - 8; off += 8) {
            crc = step8(crc ^ (long) LONG_LE.get(b, off));
        }
        for (; off < end; off++) {
            crc = BYTE[(int) (crc ^ b[off]) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    /** Like {@link #updateArray} for a little-endian buffer (direct or read-only), by absolute index from 0. */
    private static long updateBuffer(long crc, ByteBuffer le, int len) {
        int off = 0;
        for (; off <= len - GROUP; off += GROUP) {
            crc = group(crc, le, off);
        }
        for (; off <= len - 8; off += 8) {
            crc = step8(crc ^ le.getLong(off));
        }
        for (; off < len; off++) {
            crc = BYTE[(int) (crc ^ le.get(off)) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    /**
     * Advances the register over the four stripes at {@code off}: the first continues {@code crc}, the others start
     * from a zero register, and they are joined as register(A||B) = advance(register(A), |B|) ^ register0(B).
     */
    private static long group(long crc, byte[] b, int off) {
        long c0 = crc;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        int s1 = off + STRIPE;
        int s2 = s1 + STRIPE;
        int s3 = s2 + STRIPE;
        for (int i = 0; i < STRIPE; i += 8) {
            c0 = step8(c0 ^ (long) LONG_LE.get(b, off + i));
            c1 = step8(c1 ^ (long) LONG_LE.get(b, s1 + i));
            c2 = step8(c2 ^ (long) LONG_LE.get(b, s2 + i));
            c3 = step8(c3 ^ (long) LONG_LE.get(b, s3 + i));
        }
        return overStripe(overStripe(overStripe(c0) ^ c1) ^ c2) ^ c3;
    }

    private static long group(long crc, ByteBuffer le, int off) {
        long c0 = crc;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        int s1 = off + STRIPE;
        int s2 = s1 + STRIPE;
        int s3 = s2 + STRIPE;
        for (int i = 0; i < STRIPE; i += 8) {
            c0 = step8(c0 ^ le.getLong(off + i));
            c1 = step8(c1 ^ le.getLong(s1 + i));
            c2 = step8(c2 ^ le.getLong(s2 + i));
            c3 = step8(c3 ^ le.getLong(s3 + i));
        }
        return overStripe(overStripe(overStripe(c0) ^ c1) ^ c2) ^ c3;
    }

    /** Advances the register over 8 bytes already xored into it. */
    private static long step8(long x) {
        return W0[(int) x & 0x7FF] ^ W1[(int) (x >>> 11) & 0x7FF] ^ W2[(int) (x >>> 22) & 0x7FF]
                ^ W3[(int) (x >>> 33) & 0x7FF] ^ W4[(int) (x >>> 44) & 0x3FF] ^ W5[(int) (x >>> 54)];
    }

    /** The register after {@link #STRIPE} zero bytes: linear in the register, so one lookup per register byte. */
    private static long overStripe(long r) {
        long[] t = OVER_STRIPE;
        return t[(int) r & 0xFF] ^ t[256 | (int) (r >>> 8) & 0xFF] ^ t[512 | (int) (r >>> 16) & 0xFF]
                ^ t[768 | (int) (r >>> 24) & 0xFF] ^ t[1024 | (int) (r >>> 32) & 0xFF]
                ^ t[1280 | (int) (r >>> 40) & 0xFF] ^ t[1536 | (int) (r >>> 48) & 0xFF] ^ t[1792 | (int) (r >>> 56)];
    }

    private static long[] byteTable() {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            table[n] = crc;
        }
        return table;
    }

    /** The register after 8 zero bytes from a register holding {@code bits}-wide values at {@code shift}. */
    private static long[] wordTable(int shift, int bits) {
        long[] table = new long[1 << bits];
        for (int v = 0; v < table.length; v++) {
            long r = (long) v << shift;
            for (int i = 0; i < 8; i++) {
                r = BYTE[(int) r & 0xFF] ^ (r >>> 8);
            }
            table[v] = r;
        }
        return table;
    }

    /** The zero-run operator for a power of two of bytes as 8 byte-indexed tables. */
    private static long[] zeroRunTable(int zeroBytes) {
        long[] operator = ZERO_OPERATORS[Integer.numberOfTrailingZeros(zeroBytes)];
        long[] table = new long[8 * 256];
        for (int k = 0; k < 8; k++) {
            for (int n = 0; n < 256; n++) {
                table[k * 256 + n] = multiply(operator, (long) n << (8 * k));
            }
        }
        return table;
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
