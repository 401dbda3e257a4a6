package io.quarkiverse.alioss.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The callback load harness (see {@code docs/modules/ROOT/pages/benchmarks.adoc}): measures the callback receivers
 * side by side and the start-up of an application with 1 and with 200 callback methods, then prints one
 * {@code RATIO|...} line per comparison. Exits with 1 when a row with a target fails.
 */
public final class CallbackLoadHarness {

    private CallbackLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = HarnessOptions.parse(args);
        PrintStream progress = System.err;
        progress.println("# " + machine(options));
        List<RatioRow> rows = new ArrayList<>();
        if (options.load) {
            rows.addAll(new LoadComparison(options, progress).run());
        }
        if (options.startup) {
            rows.addAll(new StartupComparison(options, progress).run());
        }
        boolean failed = false;
        for (RatioRow row : rows) {
            System.out.println(row.line());
            failed |= row.failed();
        }
        System.exit(failed ? 1 : 0);
    }

    private static String machine(HarnessOptions options) throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        return ZonedDateTime.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPU(s) for the driver of "
                + "model " + model + ", Java " + System.getProperty("java.version") + ", load average " + load
                + ", applications on CPU(s) " + (options.serverCpus == null ? "any (unpinned)" : options.serverCpus)
                + ", " + options.connections + " connections, " + options.rounds + " rounds of " + options.warmup
                        .toSeconds()
                + " s warm-up + " + options.measure.toSeconds() + " s measured";
    }
}
