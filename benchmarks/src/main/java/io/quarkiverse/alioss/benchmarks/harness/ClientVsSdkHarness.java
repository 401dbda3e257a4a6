package io.quarkiverse.alioss.benchmarks.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Our client side by side with the official SDK (3.18.4), each in its own child JVM, against the stand-alone
 * emulator in its own process; prints one {@code RATIO|...} line per measured ratio (see {@link Ratio}) and exits
 * with 1 if any ratio misses its target. Run on demand, on a quiet machine, never by the build:
 *
 * <pre>
 * ./mvnw -B -q package -pl emulator,runtime,deployment,benchmarks -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.quarkiverse.alioss.benchmarks.harness.ClientVsSdkHarness
 * </pre>
 *
 * What it measures, in {@value #ROUNDS} rounds whose order alternates (ours first, then the SDK first, ...) so that
 * noise hits both; each ratio is a ratio of the medians over the rounds:
 * <ul>
 * <li>the high-level upload of a 512 MiB random file, 8 MiB parts, 4 in parallel ({@code OssClient.upload} against
 * the SDK's {@code uploadFile}), in a child JVM with {@code -Xmx512m} that uploads the file twice to warm up and once
 * timed, after a round of both that is not counted (it warms up the emulator);</li>
 * <li>the peak RSS growth of that child over its idle RSS (client built, one small request done, garbage collected,
 * before the first upload): {@code VmHWM} after the uploads minus {@code VmRSS} before them, from
 * {@code /proc/<pid>/status}; it includes what the JIT compiler needs while it compiles the upload path;</li>
 * <li>the median latency of sequential 64 KiB PutObject requests (500 to warm up, then 2000 timed);</li>
 * <li>CRC-64 on a 1 MiB buffer, {@code Crc64Benchmark} through the JMH Runner API, each method in its own fork.</li>
 * </ul>
 * System properties: {@code harness.mb} (file size, default 512), {@code harness.emulator} (runner jar, default
 * {@code emulator/target/quarkus-alioss-emulator-999-SNAPSHOT-runner.jar}), {@code harness.dir} (work directory,
 * default a new temporary one, deleted at the end), {@code harness.jfr=true} (a JFR recording per child JVM in the
 * work directory, which is then kept), {@code harness.only} (a comma-separated subset of {@code upload,latency,crc}
 * while iterating). Child and emulator logs go to the work directory.
 */
public final class ClientVsSdkHarness {

    static final int ROUNDS = 3;
    private static final String BUCKET = "harness";
    private static final int LATENCY_REQUESTS = 2000;
    private static final double MIB = 1024 * 1024;

    private final Path work;
    private final boolean jfr;
    private final Set<String> parts;

    private ClientVsSdkHarness(Path work, boolean jfr, Set<String> parts) {
        this.work = work;
        this.jfr = jfr;
        this.parts = parts;
    }

    public static void main(String[] args) throws Exception {
        int megabytes = Integer.getInteger("harness.mb", 512);
        Path emulatorJar = Path.of(System.getProperty("harness.emulator",
                "emulator/target/quarkus-alioss-emulator-999-SNAPSHOT-runner.jar"));
        if (!Files.isRegularFile(emulatorJar)) {
            System.err.println("No emulator runner jar at " + emulatorJar.toAbsolutePath() + ": build it with"
                    + " ./mvnw -B -q package -pl emulator -DskipTests, or set -Dharness.emulator=<jar>");
            System.exit(2);
        }
        boolean jfr = Boolean.getBoolean("harness.jfr");
        String dir = System.getProperty("harness.dir");
        Path work = dir != null ? Files.createDirectories(Path.of(dir)) : Files.createTempDirectory("alioss-harness");
        describeMachine();
        Set<String> parts = Set.of(System.getProperty("harness.only", "upload,latency,crc").split(","));
        List<Ratio> ratios = new ClientVsSdkHarness(work, jfr, parts).run(emulatorJar, megabytes);
        ratios.forEach(ratio -> System.out.println(ratio.line()));
        if (dir == null && !jfr) {
            deleteTree(work);
        } else {
            System.out.println("# logs and recordings kept in " + work);
        }
        System.exit(ratios.stream().allMatch(Ratio::passed) ? 0 : 1);
    }

    private List<Ratio> run(Path emulatorJar, int megabytes) throws Exception {
        List<Ratio> ratios = new ArrayList<>();
        if (parts.contains("upload") || parts.contains("latency")) {
            try (EmulatorProcess emulator = EmulatorProcess.start(emulatorJar, work.resolve("data"), BUCKET,
                    work.resolve("emulator.log"))) {
                if (parts.contains("upload")) {
                    Path file = randomFile(work.resolve("upload.bin"), megabytes);
                    ratios.addAll(uploadRatios(emulator, file, megabytes));
                    Files.delete(file);
                }
                if (parts.contains("latency")) {
                    ratios.addAll(latencyRatios(emulator.baseUrl()));
                }
            }
        }
        if (parts.contains("crc")) {
            ratios.add(crcRatio());
        }
        return ratios;
    }

    /**
     * One upload child per client and round, after a round that is not counted and warms up the emulator; clients:
     * ours, the SDK's {@code uploadFile}, the SDK's plain multipart loop (one part after the other).
     */
    private List<Ratio> uploadRatios(EmulatorProcess emulator, Path file, int megabytes) throws Exception {
        String[] clients = { "ours", "sdk", "sdk-loop" };
        double[][] emulatorCpuSeconds = new double[clients.length][ROUNDS];
        double[][] mibPerSecond = new double[clients.length][ROUNDS];
        double[][] growthMib = new double[clients.length][ROUNDS];
        double[][] timedGrowthMib = new double[clients.length][ROUNDS];
        double[][] cpuSeconds = new double[clients.length][ROUNDS];
        for (int round = -1; round < ROUNDS; round++) {
            for (int client : rotation(round, clients.length)) {
                String name = clients[client];
                String label = round < 0 ? "warm-up round (not counted)" : "round " + (round + 1);
                try (ChildJvm child = ChildJvm.start(jvmOptions(name + "-upload-" + round),
                        List.of(name, "upload", emulator.baseUrl(), BUCKET, file.toString()),
                        work.resolve(name + "-upload-" + round + ".log"))) {
                    child.await("READY");
                    long idleKib = ProcStatus.rssKib(child.pid());
                    boolean reset = ProcStatus.resetPeak(child.pid());
                    child.startSampling();
                    child.send("GO");
                    child.await("WARMED");
                    long warmUpPeakKib = peak(child, reset);
                    long warmIdleKib = ProcStatus.rssKib(child.pid());
                    reset = ProcStatus.resetPeak(child.pid());
                    child.startSampling();
                    double cpuBefore = child.cpu().toNanos() / 1e9;
                    double emulatorCpuBefore = emulator.cpu().toNanos() / 1e9;
                    child.send("MEASURE");
                    child.await("DONE");
                    double emulatorCpu = emulator.cpu().toNanos() / 1e9 - emulatorCpuBefore;
                    long timedPeakKib = peak(child, reset);
                    double cpu = child.cpu().toNanos() / 1e9 - cpuBefore;
                    child.send("EXIT");
                    double speed = megabytes / (child.result("upload_nanos") / 1e9);
                    double growth = (Math.max(warmUpPeakKib, timedPeakKib) - idleKib) / 1024.0;
                    double timedGrowth = (timedPeakKib - warmIdleKib) / 1024.0;
                    System.out.printf(Locale.ROOT, "# upload %s %s: %.1f MiB/s, RSS idle %.1f MiB, peak growth %.1f"
                            + " MiB (timed upload alone %.1f MiB over %.1f MiB after the warm-up), CPU %.2f s"
                            + " (emulator %.2f s) for the timed upload%n", label, name, speed, idleKib / 1024.0, growth,
                            timedGrowth, warmIdleKib / 1024.0, cpu, emulatorCpu);
                    if (round >= 0) {
                        mibPerSecond[client][round] = speed;
                        growthMib[client][round] = growth;
                        timedGrowthMib[client][round] = timedGrowth;
                        cpuSeconds[client][round] = cpu;
                        emulatorCpuSeconds[client][round] = emulatorCpu;
                    }
                }
            }
        }
        double ours = median(mibPerSecond[0]);
        double sdk = median(mibPerSecond[1]);
        double oursGrowth = median(growthMib[0]);
        double sdkGrowth = median(growthMib[1]);
        double limit = ClientWorkload.PARALLELISM * ClientWorkload.PART_SIZE / MIB + 32;
        double oursWorstGrowth = Arrays.stream(growthMib[0]).max().orElseThrow();
        String setup = megabytes + " MiB file, " + ClientWorkload.PART_SIZE / (1024 * 1024) + " MiB parts x "
                + ClientWorkload.PARALLELISM + ", -Xmx512m";
        return List.of(
                Ratio.atLeast("OssClient.upload / SDK uploadFile MiB/s", ours / sdk, 1.2, String.format(Locale.ROOT,
                        "ours %.1f MiB/s %s, SDK %.1f MiB/s %s; CPU s per timed upload: client ours %s SDK %s,"
                                + " emulator ours %s SDK %s; %s",
                        ours, rounds(mibPerSecond[0]), sdk,
                        rounds(mibPerSecond[1]), rounds(cpuSeconds[0]), rounds(cpuSeconds[1]),
                        rounds(emulatorCpuSeconds[0]), rounds(emulatorCpuSeconds[1]), setup)),
                Ratio.atMost("peak RSS growth ours / SDK", oursGrowth / sdkGrowth, 2.0, String.format(Locale.ROOT,
                        "ours %.1f MiB %s, SDK %.1f MiB %s over the idle RSS before the first upload (JIT included);"
                                + " the timed upload alone, over the RSS after the warm-up: ours %.1f MiB %s, SDK %.1f"
                                + " MiB %s; %s",
                        oursGrowth, rounds(growthMib[0]), sdkGrowth, rounds(growthMib[1]),
                        median(timedGrowthMib[0]), rounds(timedGrowthMib[0]), median(timedGrowthMib[1]),
                        rounds(timedGrowthMib[1]), setup)),
                Ratio.atMost("peak RSS growth ours vs parallelism x part size + 32 MiB", oursWorstGrowth / limit, 1.0,
                        String.format(Locale.ROOT, "ours worst of %d rounds %.1f MiB, limit %.0f MiB", ROUNDS,
                                oursWorstGrowth, limit)),
                Ratio.reported("OssClient.upload / SDK plain multipart loop (one part after the other) MiB/s",
                        ours / median(mibPerSecond[2]), String.format(Locale.ROOT, "ours %.1f MiB/s, SDK loop %.1f"
                                + " MiB/s %s, CPU s %s, peak RSS growth %.1f MiB; %s", ours, median(mibPerSecond[2]),
                                rounds(mibPerSecond[2]), rounds(cpuSeconds[2]), median(growthMib[2]), setup)));
    }

    /** Ours blocking, ours on the event loop and the SDK, each first in turn. */
    private List<Ratio> latencyRatios(String endpoint) throws Exception {
        String[] clients = { "ours", "sdk", "ours-event-loop" };
        double[][] medianMicros = new double[clients.length][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int client : rotation(round, clients.length)) {
                String name = clients[client];
                try (ChildJvm child = ChildJvm.start(jvmOptions(name + "-latency-" + round),
                        List.of(name, "latency", endpoint, BUCKET, Integer.toString(LATENCY_REQUESTS)),
                        work.resolve(name + "-latency-" + round + ".log"))) {
                    child.await("READY");
                    child.send("GO");
                    child.await("DONE");
                    child.send("EXIT");
                    medianMicros[client][round] = child.result("median_nanos") / 1e3;
                    System.out.printf(Locale.ROOT, "# latency round %d %s: median %.0f us, p90 %.0f us%n", round + 1,
                            name, medianMicros[client][round], child.result("p90_nanos") / 1e3);
                }
            }
        }
        double ours = median(medianMicros[0]);
        double sdk = median(medianMicros[1]);
        double eventLoop = median(medianMicros[2]);
        String setup = String.format(Locale.ROOT, "%d sequential requests per round after %d to warm up",
                LATENCY_REQUESTS, ClientWorkload.LATENCY_WARMUP);
        return List.of(
                Ratio.atMost("64 KiB putObject latency ours / SDK", ours / sdk, 1.0, String.format(Locale.ROOT,
                        "median ours (blocking OssClient, called from a plain thread) %.0f us %s, SDK %.0f us %s; %s",
                        ours, rounds(medianMicros[0]), sdk, rounds(medianMicros[1]), setup)),
                Ratio.reported("64 KiB putObject latency, ours chained on the event loop (Mutiny) / SDK",
                        eventLoop / sdk, String.format(Locale.ROOT, "median ours on the event loop %.0f us %s, SDK"
                                + " %.0f us; %s", eventLoop, rounds(medianMicros[2]), sdk, setup)));
    }

    private Ratio crcRatio() throws Exception {
        double[][] gbPerSecond = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int client : order(round)) {
                String method = client == 0 ? "ours" : "sdkPeer";
                double ops = CrcBenchmarkRun.opsPerSecond(method, work.resolve("jmh-" + method + "-" + round + ".log"));
                gbPerSecond[client][round] = ops * MIB / 1e9;
                System.out.printf(Locale.ROOT, "# CRC-64 round %d %s: %.0f ops/s, %.2f GB/s%n", round + 1, method, ops,
                        gbPerSecond[client][round]);
            }
        }
        double ours = median(gbPerSecond[0]);
        double sdk = median(gbPerSecond[1]);
        return Ratio.atLeast("CRC-64 ours / SDK (JMH 1 MiB)", ours / sdk, 2.0, String.format(Locale.ROOT,
                "ours %.2f GB/s %s, SDK %.2f GB/s %s; Crc64Benchmark, 1 fork per method and round, 3x2 s warm-up,"
                        + " 5x2 s measurement",
                ours, rounds(gbPerSecond[0]), sdk, rounds(gbPerSecond[1])));
    }

    /** The child's peak RSS since the last reset (or, if Linux refused the reset, the highest one sampled). */
    private static long peak(ChildJvm child, boolean reset) throws IOException {
        long sampled = child.stopSampling();
        return reset ? Math.max(ProcStatus.peakKib(child.pid()), sampled) : sampled;
    }

    private List<String> jvmOptions(String name) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        if (jfr) {
            options.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        return options;
    }

    /** Each client first in turn: round -1 (warm-up) starts with the last one, round 0 with the first. */
    private static int[] rotation(int round, int clients) {
        int[] order = new int[clients];
        for (int i = 0; i < clients; i++) {
            order[i] = Math.floorMod(round + i, clients);
        }
        return order;
    }

    /** Ours (0) first in rounds 1, 3, ..., the SDK (1) first in the others. */
    private static int[] order(int round) {
        return Math.floorMod(round, 2) == 0 ? new int[] { 0, 1 } : new int[] { 1, 0 };
    }

    private static Path randomFile(Path file, int megabytes) throws IOException {
        SplittableRandom random = new SplittableRandom(512);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < megabytes; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return file;
    }

    private static void describeMachine() throws IOException {
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.println("# " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.runtime.version") + ", load average " + load);
        if (Double.parseDouble(load.split(" ")[0]) > 1.5) {
            System.out.println("# warning: the machine is busy (load average above 1.5); numbers will be noisy");
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String rounds(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        }
    }
}
