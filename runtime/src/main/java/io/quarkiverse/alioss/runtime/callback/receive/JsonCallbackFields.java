package io.quarkiverse.alioss.runtime.callback.receive;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fields of an {@code application/json} callback body. Keys are top-level names ({@code size}, {@code x:user}, and
 * also flat dotted names like {@code "imageInfo.width"}) or dotted paths into nested objects
 * ({@code imageInfo.width} in {@code {"imageInfo":{"width":200}}}); a literal top-level key wins over a path.
 * Values may arrive quoted or bare (OSS quotes strings, not numbers); {@code null} means absent. A number is handed out
 * as plain decimal text only when that text is short: {@code 1e900000000} would otherwise expand to 900 million digits.
 * <p>
 * A body that is not a JSON object is refused. OSS does send such bodies when an {@code application/json} callback has a
 * form-like template ({@code a=${object}&b=${size}} becomes {@code a="k.png"&b=5}); in that form a string value can
 * contain a raw {@code &} or {@code =} and forge another field, so it cannot be parsed safely.
 */
final class JsonCallbackFields implements CallbackFields {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Longer than any value a Java number type holds, far shorter than anything that costs memory. */
    private static final int MAX_PLAIN_NUMBER_DIGITS = 400;

    private final JsonNode root;

    private JsonCallbackFields(JsonNode root) {
        this.root = root;
    }

    public static JsonCallbackFields parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new CallbackBindingException(null, "JSON callback body is not a JSON object"
                    + (looksFormLike(body) ? " but a form-like body; the callbackBody template for application/json"
                            + " must be a JSON object such as {\"object\":${object}}" : ": " + firstLine(e)));
        }
        if (root == null || !root.isObject()) {
            throw new CallbackBindingException(null, "JSON callback body is not a JSON object");
        }
        return new JsonCallbackFields(root);
    }

    @Override
    public String get(String key) {
        JsonNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return CallbackFields.wellFormed(key, node.textValue());
        }
        if (node.isFloatingPointNumber()) {
            return plain(key, node.decimalValue());
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new CallbackBindingException(key, "is a JSON " + node.getNodeType().name().toLowerCase()
                + ", expected a string, number or boolean");
    }

    @Override
    public String string(String key) {
        JsonNode node = node(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new CallbackBindingException(key, "is a JSON " + node.getNodeType().name().toLowerCase()
                    + ", but OSS always sends this value as a string");
        }
        return CallbackFields.wellFormed(key, node.textValue());
    }

    /** The node under {@code key} (a top-level name, else a dotted path); null when absent or JSON null. */
    private JsonNode node(String key) {
        JsonNode node = root.get(key);
        if (node == null && key.indexOf('.') > 0) {
            node = root;
            for (String part : key.split("\\.", -1)) {
                node = node == null || !node.isObject() ? null : node.get(part);
            }
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** Plain decimal text of a number whose text stays short; checked before anything is expanded. */
    private static String plain(String key, BigDecimal number) {
        long integerDigits = (long) number.precision() - number.scale();
        long digits = Math.max(integerDigits, 0) + Math.max(number.scale(), 0);
        if (digits > MAX_PLAIN_NUMBER_DIGITS) {
            throw new CallbackBindingException(key, "is a number out of range");
        }
        return number.toPlainString();
    }

    private static boolean looksFormLike(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b != '{' && b != '[';
        }
        return false;
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
