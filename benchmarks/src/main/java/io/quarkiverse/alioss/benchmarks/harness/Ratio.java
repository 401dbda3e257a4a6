package io.quarkiverse.alioss.benchmarks.harness;

import java.util.Locale;

/**
 * One measured ratio against its target, printed as the line another harness merges into one table:
 * {@code RATIO|<what>|<ratio>|<target>|<PASS or FAIL>|<details>}.
 *
 * @param atLeast true for a target like {@code >=1.20}, false for {@code <=1.00}
 */
record Ratio(String what, double value, boolean atLeast, double target, String details) {

    static Ratio atLeast(String what, double value, double target, String details) {
        return new Ratio(what, value, true, target, details);
    }

    static Ratio atMost(String what, double value, double target, String details) {
        return new Ratio(what, value, false, target, details);
    }

    /** A ratio that is only reported (INFO), without a target. */
    static Ratio reported(String what, double value, String details) {
        return new Ratio(what, value, true, Double.NaN, details);
    }

    /** Judged on the unrounded value: 1.996 prints as 2.00 and still fails {@code >=2.00}. */
    boolean passed() {
        return Double.isNaN(target) || (atLeast ? value >= target : value <= target);
    }

    String line() {
        if (Double.isNaN(target)) {
            return String.format(Locale.ROOT, "RATIO|%s|%.2f|report|INFO|%s", what, value, details);
        }
        return String.format(Locale.ROOT, "RATIO|%s|%.2f|%s%.2f|%s|%s", what, value, atLeast ? ">=" : "<=", target,
                passed() ? "PASS" : "FAIL", details);
    }
}
