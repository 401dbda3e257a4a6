package io.quarkiverse.alioss.emulator.fault;

import java.time.Duration;
import java.util.Locale;

/**
 * Misbehaviour for one operation: a share of 503 answers, a share of dropped connections, added latency before the
 * request is handled, and whether response bytes get corrupted.
 */
public record FaultRule(double errorRate, double resetRate, Duration latency, boolean corrupt) {

    public static final FaultRule NONE = new FaultRule(0, 0, Duration.ZERO, false);

    public FaultRule {
        checkRate(errorRate, "error-rate");
        checkRate(resetRate, "reset-rate");
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, got: " + latency);
        }
    }

    public FaultRule withErrorRate(double rate) {
        return new FaultRule(rate, resetRate, latency, corrupt);
    }

    public FaultRule withResetRate(double rate) {
        return new FaultRule(errorRate, rate, latency, corrupt);
    }

    public FaultRule withLatency(Duration value) {
        return new FaultRule(errorRate, resetRate, value, corrupt);
    }

    public FaultRule withCorrupt(boolean value) {
        return new FaultRule(errorRate, resetRate, latency, value);
    }

    /**
     * Parses {@code error-rate=0.2,reset-rate=0.1,latency=50ms,corrupt=true} (any subset; latency in ms or s).
     */
    public static FaultRule parse(String settings) {
        FaultRule rule = NONE;
        for (String setting : settings.split(",")) {
            String trimmed = setting.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String name = (eq < 0 ? trimmed : trimmed.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "true" : trimmed.substring(eq + 1).trim();
            rule = switch (name) {
                case "error-rate" -> rule.withErrorRate(parseRate(name, value));
                case "reset-rate" -> rule.withResetRate(parseRate(name, value));
                case "latency" -> rule.withLatency(parseDuration(value));
                case "corrupt" -> rule.withCorrupt(Boolean.parseBoolean(value));
                default -> throw new IllegalArgumentException("Unknown fault setting '" + name
                        + "'; use error-rate, reset-rate, latency or corrupt");
            };
        }
        return rule;
    }

    private static double parseRate(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1, got: " + value);
        }
    }

    private static Duration parseDuration(String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latency must look like 50ms or 2s, got: " + value);
        }
    }

    private static void checkRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got: " + rate);
        }
    }
}
