package io.quarkiverse.alioss.runtime.crc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.aliyun.oss.common.utils.CRC64;

class Crc64Test {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | 0",
            "123456789 | 11051210869376104954",
            "This is a test of the emergency broadcast system. | 2871916124362751090",
            "hi oss | 8707180448768400016",
    })
    void checkValuesFromTheProtocolReference(String input, String headerValue) {
        long crc = Crc64.of(input.getBytes(StandardCharsets.US_ASCII));

        assertThat(Crc64.toUnsignedString(crc)).isEqualTo(headerValue);
        assertThat(Crc64.parseUnsigned(headerValue)).isEqualTo(crc);
    }

    @Test
    void checkValueInHex() {
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4096, 65_537, 1 << 20 })
    void matchesTheSdkCrc64OnRandomData(int length) {
        byte[] data = random(length, length);
        CRC64 sdk = new CRC64();
        sdk.update(data, data.length);

        assertThat(Crc64.of(data)).isEqualTo(sdk.getValue());
    }

    @RepeatedTest(20)
    void streamingInAnyChunkingEqualsOneShot() {
        SplittableRandom rnd = new SplittableRandom();
        byte[] data = random(rnd.nextInt(1, 5000), rnd.nextLong());
        long expected = Crc64.of(data);

        Crc64 crc = new Crc64();
        int off = 0;
        while (off < data.length) {
            int mode = rnd.nextInt(3);
            int len = Math.min(data.length - off, rnd.nextInt(0, 40));
            if (mode == 0) {
                crc.update(data, off, len);
            } else if (mode == 1) {
                crc.update(ByteBuffer.wrap(data, off, len));
            } else {
                ByteBuffer direct = ByteBuffer.allocateDirect(len);
                direct.put(data, off, len).flip();
                crc.update(direct);
                assertThat(direct.hasRemaining()).isFalse();
            }
            off += len;
            if (off < data.length && rnd.nextBoolean()) {
                crc.update(data[off++]);
            }
        }
        assertThat(crc.getValue()).isEqualTo(expected);
    }

    @Test
    void matchesTheSdkForEveryLengthUpTo4096FromEveryKindOfSource() {
        SplittableRandom rnd = new SplittableRandom(4096);
        for (int length = 0; length <= 4096; length++) {
            int offset = rnd.nextInt(0, 16); // unaligned starts too
            byte[] data = random(offset + length, rnd.nextLong());
            CRC64 sdk = new CRC64();
            sdk.update(data, offset, length);

            Crc64 array = new Crc64();
            array.update(data, offset, length);
            ByteBuffer direct = ByteBuffer.allocateDirect(length);
            direct.put(data, offset, length).flip();
            Crc64 fromDirect = new Crc64();
            fromDirect.update(direct);

            assertThat(array.getValue()).as("array, length %d", length).isEqualTo(sdk.getValue());
            assertThat(fromDirect.getValue()).as("direct buffer, length %d", length).isEqualTo(sdk.getValue());
        }
    }

    @RepeatedTest(30)
    void randomSplitsAcrossStripeGroupsMatchTheSdkWhetherStreamedOrCombined() {
        SplittableRandom rnd = new SplittableRandom();
        byte[] data = random(rnd.nextInt(0, 5 * 4 * Crc64.STRIPE + 100), rnd.nextLong());
        CRC64 sdk = new CRC64();
        sdk.update(data, data.length);

        Crc64 streamed = new Crc64();
        long combined = 0;
        int off = 0;
        while (off < data.length) {
            int len = Math.min(data.length - off, rnd.nextInt(0, 4 * Crc64.STRIPE));
            streamed.update(data, off, len);
            Crc64 part = new Crc64();
            part.update(ByteBuffer.allocateDirect(len).put(data, off, len).flip());
            combined = Crc64.combine(combined, part.getValue(), len);
            off += len;
        }
        assertThat(streamed.getValue()).isEqualTo(sdk.getValue());
        assertThat(combined).isEqualTo(sdk.getValue());
    }

    @Test
    void byteBufferUpdateHonoursPositionLimitAndArrayOffset() {
        byte[] data = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer slice = ByteBuffer.wrap(data, 1, 11).slice(); // array offset 1
        slice.position(1).limit(10);

        Crc64 crc = new Crc64();
        crc.update(slice);

        assertThat(crc.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
        assertThat(slice.position()).isEqualTo(10);

        Crc64 readOnly = new Crc64();
        readOnly.update(ByteBuffer.wrap(data, 2, 9).asReadOnlyBuffer());
        assertThat(readOnly.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void resetStartsOver() {
        Crc64 crc = new Crc64();
        crc.update("garbage".getBytes(StandardCharsets.US_ASCII), 0, 7);
        crc.reset();
        assertThat(crc.getValue()).isZero();
        crc.update("hi oss".getBytes(StandardCharsets.US_ASCII), 0, 6);
        assertThat(Crc64.toUnsignedString(crc.getValue())).isEqualTo("8707180448768400016");
    }

    @RepeatedTest(50)
    void combineEqualsTheCrcOfTheConcatenationIncludingEmptyParts() {
        SplittableRandom rnd = new SplittableRandom();
        byte[] data = random(rnd.nextInt(0, 3000), rnd.nextLong());
        int parts = rnd.nextInt(1, 6);
        int[] cuts = new int[parts + 1];
        cuts[parts] = data.length;
        for (int i = 1; i < parts; i++) {
            cuts[i] = rnd.nextInt(0, data.length + 1);
        }
        Arrays.sort(cuts, 1, parts);

        long combined = 0; // CRC of the empty prefix
        for (int i = 0; i < parts; i++) {
            byte[] part = Arrays.copyOfRange(data, cuts[i], cuts[i + 1]);
            long partCrc = Crc64.of(part);
            long next = Crc64.combine(combined, partCrc, part.length);
            assertThat(next).isEqualTo(CRC64.combine(combined, partCrc, part.length));
            combined = next;
        }
        assertThat(combined).isEqualTo(Crc64.of(data));
    }

    @Test
    void combineOfLargeLengthsMatchesTheSdk() {
        long a = 0x0123456789ABCDEFL;
        long b = 0xFEDCBA9876543210L;
        for (long length : new long[] { 1, 8, 100 * 1024, 5L << 30, 48_828_125_000L, Long.MAX_VALUE }) {
            assertThat(Crc64.combine(a, b, length)).as("length %d", length).isEqualTo(CRC64.combine(a, b, length));
        }
    }

    @Test
    void combineWithEmptySecondPartIsTheFirstCrc() {
        assertThat(Crc64.combine(0x1234L, 0, 0)).isEqualTo(0x1234L);
    }

    @Test
    void negativeLengthIsRejected() {
        assertThatThrownBy(() -> Crc64.combine(1, 2, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lengthB");
    }

    @Test
    void headerValueParserRejectsGarbageNamingTheHeader() {
        assertThatThrownBy(() -> Crc64.parseUnsigned("-1")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("x-oss-hash-crc64ecma");
        assertThatThrownBy(() -> Crc64.parseUnsigned("18446744073709551616")).hasMessageContaining("x-oss-hash-crc64ecma");
        assertThatThrownBy(() -> Crc64.parseUnsigned("")).hasMessageContaining("missing");
        assertThat(Crc64.parseUnsigned("18446744073709551615")).isEqualTo(-1L);
        assertThat(Crc64.toUnsignedString(-1L)).isEqualTo("18446744073709551615");
    }

    @Test
    void outOfRangeArrayUpdateIsRejected() {
        assertThatThrownBy(() -> new Crc64().update(new byte[4], 2, 3)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            data[i] = (byte) rnd.nextInt(256);
        }
        return data;
    }
}
