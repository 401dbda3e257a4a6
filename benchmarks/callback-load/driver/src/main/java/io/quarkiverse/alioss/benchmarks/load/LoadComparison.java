package io.quarkiverse.alioss.benchmarks.load;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.vertx.core.buffer.Buffer;

/**
 * Runs every receiver under the same closed-loop load, in rounds that alternate between them (the order reversed every
 * other round, so that drift of the machine hits all alike), and compares the medians.
 */
final class LoadComparison {

    /** Signed requests a reusable supply cycles through. */
    private static final int REUSABLE_REQUESTS = 2000;
    /** Tokens prepared per expected request, so that a window does not run out. */
    private static final double TOKEN_MARGIN = 1.5;
    private static final double FIRST_GUESS_PER_SECOND = 20_000;

    private final HarnessOptions options;
    private final PrintStream progress;
    private final Map<String, Samples> rates = new LinkedHashMap<>();
    private final Map<String, Samples> cpuPerRequest = new HashMap<>();
    private final Map<String, Samples> switchesPerRequest = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, Double> expectedRates = new HashMap<>();

    LoadComparison(HarnessOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    List<RatioRow> run() throws Exception {
        List<Receiver> receivers = Receiver.ALL.stream().filter(r -> options.selected(r.id())).toList();
        SigningKey key = SigningKey.generate();
        String secret = randomSecret();
        Path app = options.base.resolve("app/target/quarkus-app");
        Path work = options.base.resolve("target/run");
        try (KeyServer keyServer = KeyServer.start(key.pem());
                LoadGenerator generator = new LoadGenerator();
                ServerProcess on = ServerProcess.start("app-tokens-on", app, options.serverJvmOptions,
                        config(keyServer, key, secret, true), 18081, options.serverCpus, work);
                ServerProcess off = ServerProcess.start("app-tokens-off", app, options.serverJvmOptions,
                        config(keyServer, key, secret, false), 18082, options.serverCpus, work)) {
            on.awaitFirstResponse(Duration.ofSeconds(60));
            off.awaitFirstResponse(Duration.ofSeconds(60));
            progress.printf("# applications up: tokens on pid %d, tokens off pid %d (logs in %s)%n", on.pid(),
                    off.pid(), work);
            CallbackToken token = new CallbackToken(secret.getBytes(StandardCharsets.UTF_8),
                    new SecureRandom());
            Map<Boolean, CallbackRequests> requests = Map.of(
                    true, new CallbackRequests(key, keyServer.keyUrl(), "127.0.0.1:" + on.port(), token),
                    false, new CallbackRequests(key, keyServer.keyUrl(), "127.0.0.1:" + off.port(), null));
            Map<String, List<Buffer>> reusable = new HashMap<>();
            Map<String, List<Buffer>> mirrored = new HashMap<>();
            for (Receiver receiver : receivers) {
                if (!receiver.singleUse()) {
                    reusable.put(receiver.id(), requests.get(receiver.tokensOn()).batch(receiver.path(), null,
                            REUSABLE_REQUESTS));
                }
                if (receiver.baseline()) {
                    mirrored.put(receiver.id(), requests.get(false).batch(receiver.path(), null, REUSABLE_REQUESTS));
                }
            }
            progress.println("# warming up every receiver for " + options.initialWarmup.toSeconds() + " s");
            for (Receiver receiver : receivers) {
                LoadGenerator.Result result = window(generator, receiver, receiver.tokensOn() ? on : off,
                        requests.get(receiver.tokensOn()), reusable, Duration.ofSeconds(1),
                        options.initialWarmup.minusSeconds(1));
                progress.printf(Locale.ROOT, "#   %-12s %9.0f req/s (warm-up)%s%n", receiver.id(), result.perSecond(),
                        result.failures() > 0 ? ", " + result.failures() + " failed: " + result.firstFailure() : "");
                mirror(generator, receiver, off, mirrored, options.initialWarmup);
            }
            for (int round = 1; round <= options.rounds; round++) {
                List<Receiver> order = new ArrayList<>(receivers);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                progress.println("# round " + round + " of " + options.rounds);
                for (Receiver receiver : order) {
                    LoadGenerator.Result result = window(generator, receiver, receiver.tokensOn() ? on : off,
                            requests.get(receiver.tokensOn()), reusable, options.warmup, options.measure);
                    rates.computeIfAbsent(receiver.id(), id -> new Samples()).add(result.perSecond());
                    cpuPerRequest.computeIfAbsent(receiver.id(), id -> new Samples())
                            .add(result.serverCpuMicrosPerResponse());
                    switchesPerRequest.computeIfAbsent(receiver.id(), id -> new Samples())
                            .add(result.serverSwitchesPerResponse());
                    progress.printf(Locale.ROOT, "#   %-12s %9.0f req/s %6.1f us CPU/req %5.2f cs/req%s%s%n",
                            receiver.id(), result.perSecond(), result.serverCpuMicrosPerResponse(),
                            result.serverSwitchesPerResponse(),
                            result.ranOut() ? String.format(Locale.ROOT, " (tokens ran out after %.1f s)",
                                    result.seconds()) : "",
                            result.failures() > 0 ? ", " + result.failures() + " failed: " + result.firstFailure()
                                    : "");
                    mirror(generator, receiver, off, mirrored, options.warmup);
                }
            }
        }
        return rows();
    }

    /**
     * Runs a baseline receiver on the application with tokens off as well, unmeasured: the baselines live in the
     * application with tokens on, and the JIT of an application that also runs them compiles the shared code (HTTP,
     * verifier, Jackson) for more callers. Without the mirror, "token on / token off" would also compare that.
     */
    private void mirror(LoadGenerator generator, Receiver receiver, ServerProcess off,
            Map<String, List<Buffer>> mirrored, Duration length) throws Exception {
        if (receiver.baseline()) {
            generator.run("127.0.0.1", off.port(), RequestSupply.cycling(mirrored.get(receiver.id())),
                    options.connections, Duration.ZERO, length, usage(off));
        }
    }

    /** One window; single-use supplies are sized from the rate seen so far, and the window repeated if too short. */
    private LoadGenerator.Result window(LoadGenerator generator, Receiver receiver, ServerProcess server,
            CallbackRequests requests, Map<String, List<Buffer>> reusable, Duration warmup, Duration measure)
            throws Exception {
        for (int attempt = 1;; attempt++) {
            RequestSupply supply;
            if (receiver.singleUse()) {
                double expected = expectedRates.getOrDefault(receiver.id(), FIRST_GUESS_PER_SECOND);
                int count = (int) Math.ceil(expected * (warmup.toMillis() + measure.toMillis()) / 1000.0
                        * TOKEN_MARGIN);
                supply = RequestSupply.once(requests.batch(receiver.path(), receiver.callbackName(), count));
            } else {
                supply = RequestSupply.cycling(reusable.get(receiver.id()));
            }
            LoadGenerator.Result result = generator.run("127.0.0.1", server.port(), supply, options.connections,
                    warmup, measure, usage(server));
            if (result.responses() == 0 && !result.ranOut()) {
                problems.putIfAbsent(receiver.id(), "no response at all within the window");
            }
            if (result.failures() > 0) {
                problems.putIfAbsent(receiver.id(), result.failures() + " responses were not 200, the first: "
                        + result.firstFailure());
            }
            boolean tooShort = result.ranOut() && result.seconds() < measure.toMillis() / 1000.0 * 0.8;
            if (!tooShort || attempt == 3) {
                if (tooShort) {
                    problems.putIfAbsent(receiver.id(), "its prepared tokens ran out three times");
                }
                if (result.perSecond() > 0) {
                    expectedRates.merge(receiver.id(), result.perSecond(), Math::max);
                }
                return result;
            }
            expectedRates.put(receiver.id(), Math.max(2 * expectedRates.getOrDefault(receiver.id(),
                    FIRST_GUESS_PER_SECOND), result.perSecond()));
        }
    }

    private static LoadGenerator.ServerUsage usage(ServerProcess server) {
        return new LoadGenerator.ServerUsage() {
            @Override
            public double cpuSeconds() throws Exception {
                return server.cpuSeconds();
            }

            @Override
            public Map<String, Long> contextSwitches() throws Exception {
                return server.contextSwitches();
            }
        };
    }

    private List<RatioRow> rows() {
        List<RatioRow> rows = new ArrayList<>();
        add(rows, "Uni route (event loop) / bare Vert.x route, token on", Receiver.UNI_ON, Receiver.BARE, 0.90);
        add(rows, "token on / token off, Uni route", Receiver.UNI_ON, Receiver.UNI_OFF, 0.95);
        add(rows, "token on / token off, plain-return route", Receiver.PLAIN_ON, Receiver.PLAIN_OFF, 0.95);
        add(rows, "token on / token off, @RunOnVirtualThread route", Receiver.VIRTUAL_ON, Receiver.VIRTUAL_OFF,
                0.95);
        add(rows, "@OssCallback REST method / bare REST method (same work by hand, event loop)", Receiver.REST_ON,
                Receiver.REST_BARE, 0.85);
        add(rows, "plain-return route, token on / JAX-RS port of the official sample server", Receiver.PLAIN_ON,
                Receiver.SAMPLE, 10);
        add(rows, "plain-return route (worker), token on / bare Vert.x route (event loop)", Receiver.PLAIN_ON,
                Receiver.BARE, Double.NaN);
        add(rows, "plain-return route (worker), token on / bare Vert.x route handing off to a worker alike",
                Receiver.PLAIN_ON, Receiver.BARE_WORKER, Double.NaN);
        add(rows, "@RunOnVirtualThread route, token on / bare Vert.x route (event loop)", Receiver.VIRTUAL_ON,
                Receiver.BARE, Double.NaN);
        add(rows, "token on / token off, @OssCallback REST method", Receiver.REST_ON, Receiver.REST_OFF, Double.NaN);
        // like for like: the bare receivers verify, parse and reply, but check no token
        add(rows, "Uni route, token off / bare Vert.x route (the same work)", Receiver.UNI_OFF, Receiver.BARE,
                Double.NaN);
        add(rows, "@OssCallback REST method, token off / bare REST method (the same work)", Receiver.REST_OFF,
                Receiver.REST_BARE, Double.NaN);
        add(rows, "@OssCallback REST method / REST method with @RestForm parameters (verifies nothing)",
                Receiver.REST_ON, Receiver.REST_FORM, Double.NaN);
        return rows;
    }

    private void add(List<RatioRow> rows, String what, Receiver measured, Receiver baseline, double minimum) {
        Samples a = rates.get(measured.id());
        Samples b = rates.get(baseline.id());
        if (a == null || b == null) {
            return;
        }
        String details = measured.description() + " " + a.describe("%.0f") + " req/s, " + usage(measured)
                + " / " + baseline.description() + " " + b.describe("%.0f") + " req/s, " + usage(baseline)
                + " (medians of " + options.rounds + " rounds)";
        RatioRow row = Double.isNaN(minimum) ? RatioRow.reported(what, a.median() / b.median(), details)
                : RatioRow.targeted(what, a.median() / b.median(), minimum, details);
        String problem = problems.containsKey(measured.id()) ? measured.id() + ": " + problems.get(measured.id())
                : problems.containsKey(baseline.id()) ? baseline.id() + ": " + problems.get(baseline.id()) : null;
        rows.add(problem == null ? row : row.failedBecause(problem));
    }

    /** The application's CPU time and context switches per request, medians. */
    private String usage(Receiver receiver) {
        return String.format(Locale.ROOT, "%.1f us CPU and %.2f context switches per request",
                cpuPerRequest.get(receiver.id()).median(), switchesPerRequest.get(receiver.id()).median());
    }

    private static Map<String, String> config(KeyServer keyServer, SigningKey key, String secret, boolean tokens) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bench.key-url", keyServer.keyUrl());
        config.put("bench.key-pem", key.pem());
        config.put("bench.key-url-prefix", keyServer.urlPrefix());
        config.put("quarkus.oss.callback.trusted-keys.\"" + keyServer.keyUrl() + "\"", key.pem());
        if (tokens) {
            config.put("quarkus.oss.callback.token.secret", secret);
        } else {
            config.put("quarkus.oss.callback.token.enabled", "false");
        }
        return config;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[36];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
