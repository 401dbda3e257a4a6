package io.quarkiverse.alioss.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the application's callback server answered, as OSS relayed it to the uploader (verbatim body).
 * <p>
 * {@link #as(Class)} maps the reply with the application's Jackson {@link ObjectMapper} (the one Quarkus manages when
 * the client is injected).
 */
public final class OssCallbackReply {

    private final byte[] body;
    private final String contentType;
    private final ObjectMapper mapper;

    public OssCallbackReply(byte[] body, String contentType, ObjectMapper mapper) {
        this.body = body.clone();
        this.contentType = contentType;
        this.mapper = mapper;
    }

    /** The reply body exactly as received. */
    public byte[] bytes() {
        return body.clone();
    }

    /** The reply body as UTF-8 text. */
    public String asString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Content type OSS sent with the reply (usually {@code application/json}), may be null. */
    public String contentType() {
        return contentType;
    }

    /** The reply parsed as a JSON tree. */
    public JsonNode asJson() {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("The callback reply is not valid JSON: " + abbreviate(), e);
        }
    }

    /** The reply mapped to {@code type} with the application's object mapper. */
    public <T> T as(Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("The callback reply cannot be read as " + type.getName() + ": " + abbreviate(),
                    e);
        }
    }

    private String abbreviate() {
        String text = asString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    @Override
    public String toString() {
        return "OssCallbackReply[" + abbreviate() + "]";
    }
}
