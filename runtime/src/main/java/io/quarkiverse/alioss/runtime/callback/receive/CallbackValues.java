package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.Optional;

import io.quarkiverse.alioss.callback.ImageInfo;
import io.quarkiverse.alioss.callback.OssUpload;

/**
 * Conversion of one callback body field to the value of a method parameter, for the readers of
 * {@link CallbackValueTypes}.
 * <p>
 * Rules: a required parameter whose field is absent is refused (400, naming the field); for non-{@code String} types an
 * empty value counts as absent (OSS sends {@code size=} or {@code null} for values it does not have), while a required
 * {@code String} accepts the empty string. {@code Optional} parameters are empty for absent or empty fields. A value that
 * does not parse is refused naming the field and what was expected.
 */
final class CallbackValues {

    private CallbackValues() {
    }

    public static <T> T required(CallbackFields fields, String key, ValueParser<T> parser) {
        String text = fields.get(key);
        if (text == null || (text.isEmpty() && parser != ValueParser.STRING)) {
            throw new CallbackBindingException(key, "is required but missing from the callback body");
        }
        return parse(key, text, parser);
    }

    public static <T> Optional<T> optional(CallbackFields fields, String key, ValueParser<T> parser) {
        String text = fields.get(key);
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(parse(key, text, parser));
    }

    /** For wrapper types: null when absent or empty. */
    public static <T> T orNull(CallbackFields fields, String key, ValueParser<T> parser) {
        return optional(fields, key, parser).orElse(null);
    }

    public static String requiredString(CallbackFields fields, String key) {
        return required(fields, key, ValueParser.STRING);
    }

    public static long requiredLong(CallbackFields fields, String key) {
        return required(fields, key, ValueParser.LONG);
    }

    public static int requiredInt(CallbackFields fields, String key) {
        return required(fields, key, ValueParser.INT);
    }

    public static boolean requiredBoolean(CallbackFields fields, String key) {
        return required(fields, key, ValueParser.BOOLEAN);
    }

    public static double requiredDouble(CallbackFields fields, String key) {
        return required(fields, key, ValueParser.DOUBLE);
    }

    /**
     * Assembles an {@link OssUpload} from the 14 system variable fields, read under their variable names
     * ({@link OssUpload#SYSTEM_VARIABLES}). {@code bucket}, {@code object}, {@code size} and {@code crc64} are
     * required; {@code imageInfo} is present when width and height both are.
     */
    public static OssUpload ossUpload(CallbackFields fields) {
        Optional<Integer> width = optional(fields, "imageInfo.width", ValueParser.INT);
        Optional<Integer> height = optional(fields, "imageInfo.height", ValueParser.INT);
        Optional<ImageInfo> imageInfo = width.isPresent() && height.isPresent()
                ? Optional.of(new ImageInfo(width.get(), height.get(), orEmpty(fields, "imageInfo.format")))
                : Optional.empty();
        return new OssUpload(
                requiredString(fields, "bucket"),
                requiredString(fields, "object"),
                orEmpty(fields, "etag"),
                requiredLong(fields, "size"),
                orEmpty(fields, "mimeType"),
                imageInfo,
                required(fields, "crc64", ValueParser.UNSIGNED_LONG),
                optional(fields, "contentMd5", ValueParser.STRING),
                optional(fields, "vpcId", ValueParser.STRING),
                orEmpty(fields, "clientIp"),
                orEmpty(fields, "reqId"),
                orEmpty(fields, "operation"));
    }

    private static String orEmpty(CallbackFields fields, String key) {
        String text = fields.get(key);
        return text == null ? "" : text;
    }

    private static <T> T parse(String key, String text, ValueParser<T> parser) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CallbackBindingException(key, e.getMessage() + ", got " + CallbackBindingException.shown(text));
        }
    }
}
