package io.quarkiverse.alioss.benchmarks.harness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

/**
 * The child JVM of {@link ClientVsSdkHarness}: one client, one workload, so that the parent can read this process's
 * RSS alone. Talks to the parent by lines: prints {@code READY} once idle (client built, one small request done,
 * garbage collected), waits for {@code GO}, runs (an upload stops once more in between, see
 * {@link #upload}), prints {@code RESULT ...} lines and {@code DONE}, then waits for
 * {@code EXIT}, so that the parent reads the peak RSS of a process that still exists.
 * <p>
 * Arguments:
 * {@code <ours|ours-event-loop|sdk|sdk-loop> <upload|latency> <endpoint> <bucket> <file for upload | request count for latency>}.
 */
public final class ClientWorkload {

    static final long PART_SIZE = 8L * 1024 * 1024;
    static final int PARALLELISM = 4;
    static final int LATENCY_BODY = 64 * 1024;
    static final int LATENCY_WARMUP = 500;
    /** Our path (Vert.x, Netty) is still being compiled by C2 during a second upload; a third runs at steady state. */
    static final int WARMUP_UPLOADS = 2;

    private ClientWorkload() {
    }

    public static void main(String[] args) throws Exception {
        // On this class path the SDK logs through slf4j into an unconfigured JBoss LogManager, which has DEBUG on:
        // Apache HttpClient would then format every byte sent for its wire log. INFO, as in an application, for both.
        LogContext.getSystemLogContext().getLogger("").setLevel(Level.INFO);
        String which = args[0];
        String workload = args[1];
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (BenchClient client = BenchClient.create(which, args[2], args[3])) {
            String warmKey = "bench/" + which + "-idle";
            client.put(warmKey, new byte[1024]);
            client.delete(warmKey);
            System.gc();
            Thread.sleep(500);
            handshake(parent, "READY", "GO");
            switch (workload) {
                case "upload" -> upload(client, which, Path.of(args[4]), parent);
                case "latency" -> latency(client, which, Integer.parseInt(args[4]));
                default -> throw new IllegalArgumentException("workload must be upload or latency, got " + workload);
            }
            handshake(parent, "DONE", "EXIT");
        }
    }

    /**
     * {@link #WARMUP_UPLOADS} uploads to warm the JIT, then the measured one, all of the same file; in between,
     * {@code WARMED} lets the parent read the CPU time used so far.
     */
    private static void upload(BenchClient client, String which, Path file, BufferedReader parent) throws Exception {
        String warmKey = "bench/" + which + "-warmup.bin";
        String key = "bench/" + which + ".bin";
        for (int i = 0; i < WARMUP_UPLOADS; i++) {
            client.upload(warmKey, file, PART_SIZE, PARALLELISM);
        }
        handshake(parent, "WARMED", "MEASURE");
        long start = System.nanoTime();
        client.upload(key, file, PART_SIZE, PARALLELISM);
        long nanos = System.nanoTime() - start;
        client.delete(warmKey);
        client.delete(key);
        System.out.println("RESULT upload_nanos=" + nanos);
    }

    /** Sequential 64 KiB puts of one key: warm-up, then {@code count} timed one by one. */
    private static void latency(BenchClient client, String which, int count) throws Exception {
        byte[] body = new byte[LATENCY_BODY];
        new SplittableRandom(64).nextBytes(body);
        String key = "bench/" + which + "-latency.bin";
        client.timedPuts(key, body, LATENCY_WARMUP);
        long[] nanos = client.timedPuts(key, body, count);
        client.delete(key);
        Arrays.sort(nanos);
        System.out.println("RESULT median_nanos=" + nanos[count / 2] + " p90_nanos=" + nanos[count * 9 / 10]);
    }

    private static void handshake(BufferedReader parent, String announce, String expected) throws Exception {
        System.out.println(announce);
        System.out.flush();
        String line = parent.readLine();
        if (!expected.equals(line)) {
            throw new IllegalStateException("expected " + expected + " from the harness, got " + line);
        }
    }
}
