package io.quarkiverse.alioss.emulator.fault;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault rules of a running emulator, per operation name (e.g. {@code PutObject}) or {@code *} for all operations.
 * Thread-safe; changes apply to the next request.
 */
public final class FaultInjector {

    public static final String ALL_OPERATIONS = "*";

    private final Map<String, FaultRule> rules = new ConcurrentHashMap<>();

    public FaultInjector set(String operation, FaultRule rule) {
        rules.put(operation, rule);
        return this;
    }

    /** Applies a CLI form like {@code PutObject:error-rate=0.2,latency=50ms}. */
    public FaultInjector set(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "A fault is <Operation|*>:<settings>, e.g. PutObject:error-rate=0.2,latency=50ms; got: " + spec);
        }
        return set(spec.substring(0, colon).trim(), FaultRule.parse(spec.substring(colon + 1)));
    }

    public FaultInjector clear() {
        rules.clear();
        return this;
    }

    /** The rule for an operation: its own if set, else the {@code *} rule, else none. */
    public FaultRule ruleFor(String operation) {
        FaultRule rule = rules.get(operation);
        if (rule == null) {
            rule = rules.getOrDefault(ALL_OPERATIONS, FaultRule.NONE);
        }
        return rule;
    }
}
