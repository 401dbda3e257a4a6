package io.quarkiverse.alioss.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, enough to sum a metric over the series whose labels match. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The sum of {@code metric} over the series that carry all of {@code labels}. */
    double sum(String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find() || !sample.group(1).equals(metric)) {
                continue;
            }
            if (labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    /** The value of label {@code name} on every series of {@code metric}, with the series' value. */
    Map<String, Double> byLabel(String metric, String name, Map<String, String> labels) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find() || !sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> series = labels(sample.group(2));
            if (series.containsKey(name) && series.entrySet().containsAll(labels.entrySet())) {
                values.merge(series.get(name), Double.parseDouble(sample.group(3)), Double::sum);
            }
        }
        return values;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
