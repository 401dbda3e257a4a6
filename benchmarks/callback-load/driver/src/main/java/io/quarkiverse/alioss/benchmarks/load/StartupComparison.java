package io.quarkiverse.alioss.benchmarks.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Starts the application with one {@code @OssCallback} method and the one with 200 (generated, otherwise the same) in
 * alternating rounds, and compares the time to the first HTTP response and the resident set size at that moment.
 */
final class StartupComparison {

    private static final int PORT = 18090;

    private final HarnessOptions options;
    private final PrintStream progress;

    StartupComparison(HarnessOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    List<RatioRow> run() throws Exception {
        Samples[] firstResponse = { new Samples(), new Samples() };
        Samples[] quarkusReported = { new Samples(), new Samples() };
        Samples[] rss = { new Samples(), new Samples() };
        String[] names = { "one", "many" };
        Map<String, String> config = Map.of(
                "quarkus.oss.callback.token.secret", "startup-comparison-secret-0123456789abcdef",
                "quarkus.oss.callback.base-url", "http://127.0.0.1:" + PORT);
        for (int round = 1; round <= options.rounds; round++) {
            for (int i = 0; i < 2; i++) {
                // the order alternates, so that neither application always starts with warm file caches
                int app = round % 2 == 1 ? i : 1 - i;
                Path application = options.base.resolve("startup/" + names[app] + "/target/quarkus-app");
                try (ServerProcess server = ServerProcess.start("startup-" + names[app], application, List.of(),
                        config, PORT, options.serverCpus, options.base.resolve("target/run"))) {
                    Duration ready = server.awaitFirstResponse(Duration.ofSeconds(60));
                    long kib = server.rssKiB();
                    firstResponse[app].add(ready.toNanos() / 1e6);
                    rss[app].add(kib / 1024.0);
                    OptionalDouble reported = server.quarkusStartedSeconds();
                    reported.ifPresent(s -> quarkusReported[app].add(s * 1000));
                    progress.printf(Locale.ROOT, "#   start-up %-4s %6.0f ms to first response, RSS %5.1f MiB%n",
                            names[app], ready.toNanos() / 1e6, kib / 1024.0);
                }
            }
        }
        String jvm = "pinned to CPU " + (options.serverCpus == null ? "none" : options.serverCpus)
                + ", default JVM options";
        List<RatioRow> rows = new ArrayList<>();
        rows.add(RatioRow.reported("start-up time to first response, 200 @OssCallback methods / 1",
                firstResponse[1].median() / firstResponse[0].median(),
                "1 method " + firstResponse[0].describe("%.0f") + " ms (Quarkus logs "
                        + quarkusReported[0].describe("%.0f") + " ms) / 200 methods "
                        + firstResponse[1].describe("%.0f") + " ms (Quarkus logs " + quarkusReported[1].describe("%.0f")
                        + " ms); " + jvm));
        rows.add(RatioRow.reported("RSS at first response, 200 @OssCallback methods / 1",
                rss[1].median() / rss[0].median(),
                "1 method " + rss[0].describe("%.1f") + " MiB / 200 methods " + rss[1].describe("%.1f") + " MiB; "
                        + jvm));
        return rows;
    }
}
