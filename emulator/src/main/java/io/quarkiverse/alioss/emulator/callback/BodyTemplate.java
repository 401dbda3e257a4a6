package io.quarkiverse.alioss.emulator.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A parsed {@code callbackBody}: constant text copied verbatim and {@code ${name}} placeholders, rendered in form or
 * JSON mode exactly as OSS does (protocol reference, section 2).
 */
final class BodyTemplate {

    static final String LEFT_BRACE_MESSAGE = "Left brace must be adjacent to dollar sign.";
    static final String LEFT_BRACE_EC = "0007-00000105";
    static final String BODY_INVALID_MESSAGE = "The callback body is invalid.";

    private sealed interface Segment {
    }

    private record Constant(String text) implements Segment {
    }

    private record Placeholder(String name) implements Segment {
    }

    private final List<Segment> segments;

    private BodyTemplate(List<Segment> segments) {
        this.segments = segments;
    }

    /**
     * Splits the template; a {@code $} not followed by <code>{</code>, an unterminated <code>${</code> or an empty name
     * is refused. There is no escape for a literal {@code $} (OSS documents none).
     *
     * @throws InvalidTemplate with the OSS message and EC
     */
    static BodyTemplate parse(String template) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder constant = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                constant.append(c);
                i++;
                continue;
            }
            if (i + 1 >= template.length() || template.charAt(i + 1) != '{') {
                throw new InvalidTemplate(LEFT_BRACE_MESSAGE, LEFT_BRACE_EC);
            }
            int close = template.indexOf('}', i + 2);
            if (close < 0) {
                throw new InvalidTemplate(BODY_INVALID_MESSAGE, null);
            }
            String name = template.substring(i + 2, close);
            if (name.isEmpty() || name.indexOf('$') >= 0 || name.indexOf('{') >= 0) {
                throw new InvalidTemplate(BODY_INVALID_MESSAGE, null);
            }
            if (constant.length() > 0) {
                segments.add(new Constant(constant.toString()));
                constant.setLength(0);
            }
            segments.add(new Placeholder(name));
            i = close + 1;
        }
        if (constant.length() > 0) {
            segments.add(new Constant(constant.toString()));
        }
        return new BodyTemplate(List.copyOf(segments));
    }

    /**
     * @param system the 14 system variable values (see {@link SystemVariables})
     * @param custom {@code x:} variables by full name ({@code "x:uid"})
     */
    String render(Map<String, String> system, Map<String, String> custom, CallbackBodyType type,
            CallbackRenderOptions options) {
        StringBuilder out = new StringBuilder(256);
        for (Segment segment : segments) {
            if (segment instanceof Constant constant) {
                out.append(constant.text());
                continue;
            }
            String name = ((Placeholder) segment).name();
            String value = name.startsWith("x:") ? custom.get(name) : system.get(name);
            if (value == null && options.undefinedVariable() == CallbackRenderOptions.UndefinedVariable.VERBATIM) {
                out.append("${").append(name).append('}');
                continue;
            }
            String present = value == null ? "" : value;
            if (type == CallbackBodyType.FORM) {
                out.append(FormValueEncoder.encode(present));
            } else {
                appendJson(out, present, SystemVariables.isNumeric(name) && value != null, options);
            }
        }
        return out.toString();
    }

    private static void appendJson(StringBuilder out, String value, boolean numeric, CallbackRenderOptions options) {
        if (value.isEmpty() && options.emptyAsJsonNull()) {
            out.append("null");
        } else if (numeric && isUnsignedDecimal(value)) {
            out.append(value);
        } else {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
        }
    }

    private static boolean isUnsignedDecimal(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A template problem; {@link CallbackSpec} turns it into a {@link CallbackArgumentException}. */
    static final class InvalidTemplate extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String ec;

        InvalidTemplate(String message, String ec) {
            super(message);
            this.ec = ec;
        }
    }
}
