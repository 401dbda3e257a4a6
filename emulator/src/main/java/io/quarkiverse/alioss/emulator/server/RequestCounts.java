package io.quarkiverse.alioss.emulator.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests each operation received since start (or the last reset), counted when the request is classified,
 * before authentication: what a test needs to prove that a client did, or did not, ask OSS something.
 */
public final class RequestCounts {

    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();

    void increment(String operation) {
        byOperation.computeIfAbsent(operation, ignored -> new AtomicLong()).incrementAndGet();
    }

    /** @param operation the OSS operation name, e.g. {@code HeadObject}, {@code PutObject} */
    public long of(String operation) {
        AtomicLong count = byOperation.get(operation);
        return count == null ? 0 : count.get();
    }

    /** All counts, by operation name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        byOperation.forEach((operation, count) -> snapshot.put(operation, count.get()));
        return snapshot;
    }

    /** {@code {"HeadObject":2,"PutObject":5}}: operation names need no escaping. */
    String json() {
        StringBuilder json = new StringBuilder("{");
        snapshot().forEach((operation, count) -> json.append(json.length() > 1 ? "," : "").append('"')
                .append(operation).append("\":").append(count));
        return json.append('}').toString();
    }

    public void reset() {
        byOperation.clear();
    }
}
