package io.quarkiverse.alioss.deployment.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssCallbackSpec;

/**
 * Renders a callback body the way OSS substitutes {@code ${var}} placeholders (protocol reference §2.4/2.5): form values
 * URL-encoded, JSON strings quoted and numbers bare. Test-side only, so the route is not tested against its own code.
 */
final class OssBodies {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    /** The system variables of one plausible upload, for tests that render whole callback bodies. */
    static final Map<String, String> SAMPLE_UPLOAD = Map.ofEntries(Map.entry("bucket", "photos"),
            Map.entry("object", "avatars/alice 1.png"), Map.entry("etag", "D8E8FCA2DC0F896FD7CB4CB0031BA249"),
            Map.entry("size", "1234"), Map.entry("mimeType", "image/png"), Map.entry("imageInfo.height", "40"),
            Map.entry("imageInfo.width", "20"), Map.entry("imageInfo.format", "png"),
            Map.entry("crc64", "18446744073709551615"), Map.entry("contentMd5", "G5H/anNzgdvMS2AsvXpi6A=="),
            Map.entry("vpcId", ""), Map.entry("clientIp", "10.0.0.1"), Map.entry("reqId", "5CF3E7821AB22D0FDB86704D"),
            Map.entry("operation", "PutObject"));

    private OssBodies() {
    }

    static String render(OssCallbackSpec spec, Map<String, String> values) {
        return render(spec.body(), spec.bodyType(), values);
    }

    static String render(String template, CallbackBodyType type, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            String rendered;
            if (type == CallbackBodyType.FORM) {
                rendered = URLEncoder.encode(value, StandardCharsets.UTF_8);
            } else if (value.isEmpty()) {
                rendered = "null";
            } else if (NUMBER.matcher(value).matches()) {
                rendered = value;
            } else {
                rendered = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The path and query of the first callback URL, as OSS would send it in the request line. */
    static String target(OssCallbackSpec spec) {
        String url = spec.urls().get(0);
        int path = url.indexOf('/', url.indexOf("://") + 3);
        return url.substring(path);
    }
}
