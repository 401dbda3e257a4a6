package io.quarkiverse.alioss.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stand-alone emulator in its own process ({@code java -jar <runner jar>}), objects kept on disk in a data
 * directory, on a free port read from its start-up line.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final String STARTED = "OSS emulator listening on ";

    private final Process process;
    private final String baseUrl;

    private EmulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static EmulatorProcess start(Path runnerJar, Path dataDir, String bucket, Path log) throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", runnerJar.toString(), "--port", "0", "--bucket", bucket, "--data-dir",
                dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(STARTED)) {
                String url = line.substring(STARTED.length()).split(" ")[0];
                return new EmulatorProcess(process, url);
            }
        }
        throw new IOException("the emulator ended without starting; see " + log);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** CPU time the emulator has used so far (user and system, all threads). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
