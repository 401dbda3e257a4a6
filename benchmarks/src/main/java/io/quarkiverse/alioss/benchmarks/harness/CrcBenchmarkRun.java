package io.quarkiverse.alioss.benchmarks.harness;

import java.nio.file.Path;
import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.quarkiverse.alioss.benchmarks.Crc64Benchmark;

/** {@link Crc64Benchmark} through the JMH Runner API, one benchmark method per forked JVM, output to a log file. */
final class CrcBenchmarkRun {

    private CrcBenchmarkRun() {
    }

    /** Throughput of one method ({@code ours} or {@code sdkPeer}) on the 1 MiB buffer, in operations per second. */
    static double opsPerSecond(String method, Path log) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(Crc64Benchmark.class.getName() + "\\." + method + "$")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .output(log.toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one JMH result for " + method + ", got " + results.size());
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
