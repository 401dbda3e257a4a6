package io.quarkiverse.alioss.benchmarks.load;

import java.util.Locale;

/**
 * One line of the ratio table, in the format other tooling merges:
 * {@code RATIO|<what>|<measured>|<target>|<PASS, FAIL or INFO>|<details>}.
 */
record RatioRow(String what, double measured, double minimum, String details, String problem) {

    /** A row with a target: PASS when {@code measured >= minimum} and nothing went wrong. */
    static RatioRow targeted(String what, double measured, double minimum, String details) {
        return new RatioRow(what, measured, minimum, details, null);
    }

    /** A row that is only reported. */
    static RatioRow reported(String what, double measured, String details) {
        return new RatioRow(what, measured, Double.NaN, details, null);
    }

    RatioRow failedBecause(String why) {
        return new RatioRow(what, measured, minimum, details, why);
    }

    boolean targeted() {
        return !Double.isNaN(minimum);
    }

    boolean failed() {
        return targeted() && (problem != null || !(measured >= minimum));
    }

    String line() {
        String verdict = !targeted() ? "INFO" : failed() ? "FAIL" : "PASS";
        String target = targeted() ? ">=" + trim(minimum) : "report";
        String detail = problem == null ? details : details + "; INVALID: " + problem;
        return String.format(Locale.ROOT, "RATIO|%s|%.2f|%s|%s|%s", what, measured, target, verdict,
                detail.replace('|', '/'));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
