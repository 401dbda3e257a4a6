package io.quarkiverse.alioss.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.OssCallbackReply;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.vertx.core.json.JsonObject;

/**
 * One signed callback request the emulator sent to the application, and the application's answer.
 *
 * @param sentAt when the emulator sent it
 * @param url the URL it was sent to, with the callback token in the query for a template's callback
 * @param contentType the {@code Content-Type} sent
 * @param body the body sent (UTF-8)
 * @param status the application's HTTP status; -1 when it did not answer (connection refused, timeout)
 * @param replyContentType the reply's {@code Content-Type}; null when the reply was not read
 * @param reply the reply body (UTF-8); null when not read: OSS does not read the reply of a status other than 200
 * @param failure null when the callback succeeded; else why, in OSS's words, e.g. {@code Error status : 403.} (the
 *        message of the {@code CallbackFailed} error an uploader would get). A raw request fails only when it got no
 *        answer.
 */
public record CallbackDelivery(Instant sentAt, String url, String contentType, String body, int status,
        String replyContentType, String reply, String failure) {

    static CallbackDelivery fromJson(JsonObject json) {
        return new CallbackDelivery(Instant.parse(json.getString("sentAt")), json.getString("url"),
                json.getString("contentType"), json.getString("body"), json.getInteger("status"),
                json.getString("replyContentType"), json.getString("reply"), json.getString("failure"));
    }

    /** Whether OSS would have accepted the answer (status 200 with JSON); for a raw request, whether one came. */
    public boolean succeeded() {
        return failure == null;
    }

    /** The reply, when the emulator read it. */
    public Optional<String> replyText() {
        return Optional.ofNullable(reply);
    }

    /**
     * The reply mapped to {@code type} with the application's Jackson {@code ObjectMapper}, as
     * {@link OssCallbackReply#as(Class)} maps an upload's reply.
     *
     * @throws IllegalStateException when the emulator did not read a reply (the callback got no 200)
     */
    public <T> T replyAs(Class<T> type) {
        if (reply == null) {
            throw new IllegalStateException("The callback to " + url + " has no reply to map: "
                    + (failure != null ? failure : "status " + status));
        }
        return new OssCallbackReply(reply.getBytes(StandardCharsets.UTF_8), replyContentType, objectMapper()).as(type);
    }

    private static ObjectMapper objectMapper() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            var mapper = container.instance(ObjectMapper.class);
            if (mapper.isAvailable()) {
                return mapper.get();
            }
        }
        return new ObjectMapper();
    }
}
