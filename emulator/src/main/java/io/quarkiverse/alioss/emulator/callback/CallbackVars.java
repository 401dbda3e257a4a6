package io.quarkiverse.alioss.emulator.callback;

import static io.quarkiverse.alioss.emulator.callback.CallbackArgumentException.CALLBACK_VAR;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The custom {@code x:} variables of an upload: from the Base64 {@code callback-var} JSON, or from PostObject form
 * fields.
 * <p>
 * Choices (OSS documents no message for them): a {@code callback-var} that is not Base64, not a JSON object, has a
 * non-string value, a key not starting with {@code x:}, or a key with an uppercase letter (the docs require lowercase
 * keys) is refused with the one documented message, {@code The callback var is not expecten json.} [sic].
 */
final class CallbackVars {

    static final String NOT_JSON_MESSAGE = "The callback var is not expecten json.";
    static final String NOT_JSON_EC = "0007-00000103";

    private CallbackVars() {
    }

    static Map<String, String> parseBase64(String base64) {
        if (base64.length() > CallbackSpec.MAX_BASE64_LENGTH) {
            throw new CallbackArgumentException("The length of callback var exceed max value.", CALLBACK_VAR, base64,
                    null);
        }
        String json;
        try {
            json = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notJson(base64);
        }
        ObjectNode object = StrictJson.parseObject(json);
        if (object == null) {
            throw notJson(json);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!key.startsWith("x:") || !key.equals(key.toLowerCase(Locale.ROOT)) || !field.getValue().isTextual()) {
                throw notJson(json);
            }
            vars.put(key, field.getValue().textValue());
        }
        return Map.copyOf(vars);
    }

    /** PostObject form field names are case-insensitive, so they are matched against templates in lowercase. */
    static Map<String, String> fromPostFields(Map<String, String> xFields) {
        if (xFields == null) {
            return Map.of();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        xFields.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x:") && value != null) {
                vars.put(lower, value);
            }
        });
        return Map.copyOf(vars);
    }

    private static CallbackArgumentException notJson(String value) {
        return new CallbackArgumentException(NOT_JSON_MESSAGE, CALLBACK_VAR, value, NOT_JSON_EC);
    }
}
