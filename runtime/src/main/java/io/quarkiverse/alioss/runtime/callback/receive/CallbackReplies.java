package io.quarkiverse.alioss.runtime.callback.receive;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes callback replies. OSS accepts a reply only as valid JSON with an exact {@code Content-Length} (no chunking);
 * anything else turns the upload into HTTP 203 {@code CallbackFailed}.
 */
public final class CallbackReplies {

    /** The reply of {@code void} methods (and of methods that return {@code null}). */
    static final byte[] ACKNOWLEDGEMENT = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper objectMapper;

    CallbackReplies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** Serializes the method's result; {@code null} (void, {@code Uni<Void>}) becomes the acknowledgement. */
    byte[] serialize(Object result) throws JsonProcessingException {
        return result == null ? ACKNOWLEDGEMENT : objectMapper.writeValueAsBytes(result);
    }

    /** @return completes when the reply is written, fails when it cannot be (the connection is gone) */
    Future<Void> success(RoutingContext ctx, byte[] json) {
        return write(ctx, 200, json);
    }

    void refuse(RoutingContext ctx, CallbackRefusal refusal) {
        write(ctx, refusal.status(), json(refusal));
    }

    /**
     * The body of a refusal, the same for generated routes and resource methods:
     * {@code {"status":"error","code":403,"reason":"token refused"}}. Never body content, signatures or tokens.
     */
    public byte[] json(CallbackRefusal refusal) {
        ObjectNode node = objectMapper.createObjectNode();
        node.put("status", "error");
        node.put("code", refusal.status());
        node.put("reason", refusal.reason() == null ? "" : refusal.reason());
        try {
            return objectMapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            return "{\"status\":\"error\"}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Future<Void> write(RoutingContext ctx, int status, byte[] json) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return Future.failedFuture("the response was already ended or closed");
        }
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(json.length))
                .end(Buffer.buffer(json));
    }
}
