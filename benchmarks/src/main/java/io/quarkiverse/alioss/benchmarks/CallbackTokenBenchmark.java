package io.quarkiverse.alioss.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkiverse.alioss.runtime.callback.token.MemoryTokenStore;

/**
 * What a callback token costs a route per request, in parts: reading the token from the query and checking its
 * HMAC-SHA256 against the callback's bucket, object and {@code x:} value, and claiming it in the in-memory store of
 * used tokens (which holds a million claims, as a busy instance would). The callback load harness measures the whole
 * route with and without tokens; this says which part of the difference is the token's own work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallbackTokenBenchmark {

    private static final int TOKENS = 4096;
    private static final String BUCKET = "bench-bucket";

    private final CallbackToken token = new CallbackToken(
            "a-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8), new SecureRandom());
    private final String[] queries = new String[TOKENS];
    private final String[] objects = new String[TOKENS];
    private final String[] users = new String[TOKENS];
    private final Instant now = Instant.now();
    private MemoryTokenStore store;
    private long expiry;
    private int next;
    private final String[] ids = new String[TOKENS];
    private Instant claimExpiry;

    @Setup
    public void issue() {
        expiry = now.plusSeconds(3600).getEpochSecond();
        for (int i = 0; i < TOKENS; i++) {
            users[i] = "user-" + i;
            objects[i] = "uploads/" + users[i] + "/avatar-" + (i % 97) + ".png";
            queries[i] = CallbackToken.QUERY_PARAMETER + "=" + token.issue(new CallbackToken.Binding("uni", BUCKET,
                    objects[i], false, false, Map.of("x:user", users[i])), expiry);
        }
        claimExpiry = now.plusSeconds(3600);
        for (int i = 0; i < TOKENS; i++) {
            ids[i] = CallbackToken.parse(CallbackToken.fromQuery(queries[i])).id();
        }
        store = new MemoryTokenStore(10_000_000, Clock.systemUTC());
        for (int i = 0; i < 1_000_000; i++) {
            store.claimAtOnce("filler-" + i, now.plusSeconds(3600));
        }
    }

    /** Read from the query, parse, check the MAC: what the route does before it claims. */
    @Benchmark
    public CallbackToken.Presented parseAndCheck() {
        int i = next++ & (TOKENS - 1);
        CallbackToken.Presented presented = CallbackToken.parse(CallbackToken.fromQuery(queries[i]));
        token.check(presented, "uni", BUCKET, objects[i], Map.of("x:user", users[i]), now);
        return presented;
    }

    /**
     * A new claim in a store of a million, and its release (so that the store keeps its size): a route pays the claim
     * for every callback and the release only for one that fails.
     */
    @Benchmark
    public Boolean claimAndRelease() {
        String id = ids[next++ & (TOKENS - 1)];
        Boolean claimed = store.claimAtOnce(id, claimExpiry);
        store.release(id);
        return claimed;
    }
}
