package io.quarkiverse.alioss.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClientWorkload} in its own JVM, driven through its standard streams; its standard error goes to a log
 * file. While the workload runs, a sampler keeps the highest RSS it sees, in case Linux refuses to reset the peak.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Map<String, Long> results = new HashMap<>();
    private volatile long sampledPeakKib;
    private volatile boolean sampling;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ChildJvm start(List<String> jvmOptions, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClientWorkload.class.getName());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildJvm(process);
    }

    long pid() {
        return process.pid();
    }

    /** Reads lines up to {@code expected}, keeping {@code RESULT key=value} pairs; fails if the child dies. */
    void await(String expected) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(expected)) {
                return;
            }
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring("RESULT ".length()).split(" ")) {
                    String[] kv = pair.split("=", 2);
                    results.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        }
        throw new IOException("the child JVM " + pid() + " ended before " + expected + "; see its log");
    }

    void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    long result(String key) {
        Long value = results.get(key);
        if (value == null) {
            throw new IllegalStateException("the child JVM reported no " + key);
        }
        return value;
    }

    /** CPU time the process has used so far (user and system, all threads). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Starts keeping the highest RSS seen from now on. */
    void startSampling() {
        sampledPeakKib = 0;
        sampling = true;
        Thread sampler = new Thread(() -> {
            while (sampling) {
                try {
                    sampledPeakKib = Math.max(sampledPeakKib, ProcStatus.rssKib(pid()));
                    Thread.sleep(20);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The highest RSS seen since {@link #startSampling()}, in KiB. */
    long stopSampling() {
        sampling = false;
        return sampledPeakKib;
    }

    @Override
    public void close() throws InterruptedException {
        sampling = false;
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
