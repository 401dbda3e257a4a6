package io.quarkiverse.alioss.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Command-line options of the harness; every one has a default, so {@code run.sh} alone is a full run. */
final class HarnessOptions {

    Path base = Path.of("benchmarks/callback-load");
    int rounds = 5;
    int connections = 16;
    Duration initialWarmup = Duration.ofSeconds(15);
    Duration warmup = Duration.ofSeconds(2);
    Duration measure = Duration.ofSeconds(4);
    /** The applications' CPUs; the driver runs on the others (run.sh pins it). Null: unpinned. */
    String serverCpus = "0";
    Pattern only = null;
    boolean startup = true;
    boolean load = true;
    final List<String> serverJvmOptions = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));

    static HarnessOptions parse(String[] args) {
        HarnessOptions options = new HarnessOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--base" -> options.base = Path.of(args[++i]);
                case "--rounds" -> options.rounds = Integer.parseInt(args[++i]);
                case "--connections" -> options.connections = Integer.parseInt(args[++i]);
                case "--initial-warmup" -> options.initialWarmup = seconds(args[++i]);
                case "--warmup" -> options.warmup = seconds(args[++i]);
                case "--measure" -> options.measure = seconds(args[++i]);
                case "--server-cpus" -> options.serverCpus = args[++i];
                case "--no-pin" -> options.serverCpus = null;
                case "--only" -> options.only = Pattern.compile(args[++i]);
                case "--no-startup" -> options.startup = false;
                case "--no-load" -> options.load = false;
                case "--server-jvm-option" -> options.serverJvmOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + arg + "; options: --base DIR,"
                        + " --rounds N, --connections N, --initial-warmup S, --warmup S, --measure S,"
                        + " --server-cpus LIST, --no-pin, --only REGEX (receivers), --no-startup, --no-load,"
                        + " --server-jvm-option OPTION");
            }
        }
        return options;
    }

    boolean selected(String receiver) {
        return only == null || only.matcher(receiver).find();
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
