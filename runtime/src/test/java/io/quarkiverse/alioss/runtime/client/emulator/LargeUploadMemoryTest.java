package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.crc.Crc64;

/**
 * A 256 MB stream through the high-level upload in a JVM with a 128 MB heap (its own surefire execution, see the
 * module pom): the client never holds the object in memory, and the CRC-64 OSS reports matches the generated data.
 * <p>
 * The 2 GB variant runs the same test with {@code -Dalioss.large-upload.mb=2048} (see docs/.../benchmarks.adoc).
 */
@Tag("large-memory")
class LargeUploadMemoryTest {

    private static final long SIZE = Long.getLong("alioss.large-upload.mb", 256) * 1024 * 1024;
    private static final long PART_SIZE = 8L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void uploadsALargeStreamWithA128MegabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx128m")
                .isLessThanOrEqualTo(140L * 1024 * 1024);
        try (EmulatorClients env = new EmulatorClients("big", dataDir)) {
            GeneratedStream data = new GeneratedStream(SIZE);
            AtomicLong lastProgress = new AtomicLong();

            UploadResult result = env.client.upload("big/large.bin", data, UploadOptions.defaults()
                    .partSize(PART_SIZE).parallelism(4)
                    .progressListener((done, total) -> lastProgress.set(done)));

            assertThat(result.partCount()).isEqualTo((int) ((SIZE + PART_SIZE - 1) / PART_SIZE));
            assertThat(result.crc64()).hasValue(data.crc());
            assertThat(lastProgress.get()).isEqualTo(SIZE);
            assertThat(env.client.headObject("big/large.bin").contentLength()).isEqualTo(SIZE);
        }
    }

    /** Deterministic pseudo-random bytes made on the fly, with their CRC-64 computed as they are read. */
    static final class GeneratedStream extends InputStream {
        private final long size;
        private final Crc64 crc = new Crc64();
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            crc.update(b, off, n);
            position += n;
            return n;
        }

        long crc() {
            return crc.getValue();
        }
    }
}
