package io.quarkiverse.alioss.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values one quantity took in the rounds; compared by their median. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** e.g. {@code 14230 (14100/14230/14500)} */
    String describe(String format) {
        return String.format(Locale.ROOT, format, median()) + " ("
                + values.stream().map(v -> String.format(Locale.ROOT, format, v)).collect(Collectors.joining("/"))
                + ")";
    }
}
