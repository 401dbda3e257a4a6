package io.quarkiverse.alioss.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** CRC-64 check values from the protocol reference, and combining equals computing over the whole. */
class Crc64Test {

    private static String crc(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Crc64.toHeader(Crc64.update(0, b, 0, b.length));
    }

    @Test
    void checkValues() {
        assertThat(crc("")).isEqualTo("0");
        assertThat(crc("123456789")).isEqualTo("11051210869376104954");
        assertThat(crc("This is a test of the emergency broadcast system.")).isEqualTo("2871916124362751090");
        assertThat(crc("hi oss")).isEqualTo("8707180448768400016");
    }

    @Test
    void eightBytesAtATimeEqualsByteByByteAtEveryOffsetAndLength() {
        byte[] data = new byte[100];
        new Random(5).nextBytes(data);
        for (int off = 0; off < 9; off++) {
            for (int len = 0; off + len <= data.length; len++) {
                long bytewise = 0;
                for (int i = off; i < off + len; i++) {
                    bytewise = Crc64.update(bytewise, data, i, 1);
                }
                assertThat(Crc64.update(0, data, off, len)).as("off %d len %d", off, len).isEqualTo(bytewise);
            }
        }
    }

    @Test
    void combineEqualsWhole() {
        byte[] data = new byte[300_001];
        new Random(7).nextBytes(data);
        long whole = Crc64.update(0, data, 0, data.length);
        for (int split : new int[] { 0, 1, 102_400, 300_000, 300_001 }) {
            long a = Crc64.update(0, data, 0, split);
            long b = Crc64.update(0, data, split, data.length - split);
            assertThat(Crc64.combine(a, b, data.length - split)).as("split at %d", split).isEqualTo(whole);
        }
        long running = Crc64.update(0, data, 0, 1000);
        assertThat(Crc64.update(running, data, 1000, data.length - 1000)).isEqualTo(whole);
    }
}
