package io.quarkiverse.alioss.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.aliyun.oss.common.utils.CRC64;

import io.quarkiverse.alioss.runtime.crc.Crc64;

/**
 * CRC-64 throughput of our {@link Crc64} (interleaved stripes, 11-bit tables) against the official SDK's
 * {@link CRC64} (the peer), same data, same run. Results are ops/s on one buffer; multiply by the buffer size for
 * bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Crc64Benchmark {

    @Param({ "1048576" })
    public int size;

    private byte[] data;

    @Setup
    public void fill() {
        data = new byte[size];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) random.nextInt(256);
        }
    }

    @Benchmark
    public long ours() {
        Crc64 crc = new Crc64();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }

    @Benchmark
    public long sdkPeer() {
        CRC64 crc = new CRC64();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }
}
