package io.quarkiverse.alioss.emulator.callback;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Whole-document JSON parsing: trailing garbage after the value makes the text invalid. */
final class StrictJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** The JSON object, or null when the text is not exactly one JSON object. */
    static ObjectNode parseObject(String text) {
        JsonNode node = parse(text);
        return node instanceof ObjectNode object ? object : null;
    }

    /** Any JSON value, or null when the text is not exactly one JSON value. */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }
}
