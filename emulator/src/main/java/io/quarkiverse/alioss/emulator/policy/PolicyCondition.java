package io.quarkiverse.alioss.emulator.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a PostObject policy's {@code conditions} array. */
sealed interface PolicyCondition {

    /** Throws a {@link PostPolicyViolation} when the form fields or the file size break this condition. */
    void check(Map<String, String> fieldsByLowercaseName, long fileSize);

    /** {@code {"k":"v"}} or {@code ["eq","$k","v"]}. */
    record Equals(String field, String expected, String source) implements PolicyCondition {
        @Override
        public void check(Map<String, String> fields, long fileSize) {
            if (!expected.equals(fields.get(field))) {
                throw failed(source);
            }
        }
    }

    /** {@code ["starts-with","$k","prefix"]}; an empty prefix accepts any value, even an absent field. */
    record StartsWith(String field, String prefix, String source) implements PolicyCondition {
        @Override
        public void check(Map<String, String> fields, long fileSize) {
            String value = fields.get(field);
            if (!prefix.isEmpty() && (value == null || !value.startsWith(prefix))) {
                throw failed(source);
            }
        }
    }

    /** {@code ["in","$k",["a","b"]]} and {@code ["not-in","$k",["a","b"]]}. */
    record In(String field, List<String> values, boolean negated, String source) implements PolicyCondition {
        @Override
        public void check(Map<String, String> fields, long fileSize) {
            String value = fields.get(field);
            boolean contained = value != null && values.contains(value);
            if (contained == negated) {
                throw failed(source);
            }
        }
    }

    /** {@code ["content-length-range",min,max]}, inclusive. */
    record ContentLengthRange(long min, long max) implements PolicyCondition {
        @Override
        public void check(Map<String, String> fields, long fileSize) {
            if (fileSize < min) {
                throw new PostPolicyViolation("EntityTooSmall", 400,
                        "Your proposed upload smaller than the minimum allowed size.");
            }
            if (fileSize > max) {
                throw new PostPolicyViolation("EntityTooLarge", 400,
                        "Your proposed upload exceeds the maximum allowed size.");
            }
        }
    }

    private static PostPolicyViolation failed(String source) {
        return PostPolicyViolation.accessDenied("Invalid according to Policy: Policy Condition failed: " + source);
    }

    /** Parses one condition; the field name is matched case-insensitively (a leading {@code $} is dropped). */
    static PolicyCondition parse(JsonNode node) {
        String source = node.toString();
        if (node.isObject() && node.size() == 1) {
            var entry = node.fields().next();
            return new Equals(fieldName(entry.getKey(), source), text(entry.getValue(), source), source);
        }
        if (!node.isArray() || node.size() != 3 || !node.get(0).isTextual()) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: Invalid condition " + source + ".");
        }
        String operator = node.get(0).textValue().toLowerCase(Locale.ROOT);
        switch (operator) {
            case "content-length-range":
                return new ContentLengthRange(number(node.get(1), source), number(node.get(2), source));
            case "eq":
                return new Equals(variable(node.get(1), source), text(node.get(2), source), source);
            case "starts-with":
                return new StartsWith(variable(node.get(1), source), text(node.get(2), source), source);
            case "in":
            case "not-in":
                return new In(variable(node.get(1), source), list(node.get(2), source), operator.equals("not-in"),
                        source);
            default:
                throw PostPolicyViolation.invalidDocument(
                        "Invalid Policy: Invalid operator \"" + node.get(0).textValue() + "\" in condition " + source
                                + ".");
        }
    }

    private static String variable(JsonNode node, String source) {
        if (!node.isTextual() || !node.textValue().startsWith("$")) {
            throw PostPolicyViolation.invalidDocument(
                    "Invalid Policy: the field name in condition " + source + " must start with $.");
        }
        return fieldName(node.textValue(), source);
    }

    private static String fieldName(String name, String source) {
        String bare = name.startsWith("$") ? name.substring(1) : name;
        if (bare.isEmpty()) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: empty field name in condition " + source + ".");
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String source) {
        if (!node.isValueNode() || node.isNull()) {
            throw PostPolicyViolation.invalidDocument(
                    "Invalid Policy: the value in condition " + source + " must be a string.");
        }
        return node.asText();
    }

    private static long number(JsonNode node, String source) {
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw PostPolicyViolation.invalidDocument(
                "Invalid Policy: content-length-range bounds must be integers in " + source + ".");
    }

    private static List<String> list(JsonNode node, String source) {
        if (!node.isArray()) {
            throw PostPolicyViolation.invalidDocument(
                    "Invalid Policy: the values in condition " + source + " must be an array.");
        }
        return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(v -> text(v, source)).toList();
    }
}
