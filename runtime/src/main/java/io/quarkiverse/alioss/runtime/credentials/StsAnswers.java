package io.quarkiverse.alioss.runtime.credentials;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/**
 * Reads the credentials JSON STS and the ECS metadata service answer with ({@code AccessKeyId},
 * {@code AccessKeySecret}, {@code SecurityToken}, {@code Expiration}), and turns refusals into messages that name the
 * service and its error code, never a secret.
 */
final class StsAnswers {

    private static final int MAX_MESSAGE = 200;

    private StsAnswers() {
    }

    /** @param credentials the object holding the four fields */
    static ExpiringCredentials credentials(JsonObject credentials, String service) {
        if (credentials == null) {
            throw new IllegalStateException(service + " answered without credentials");
        }
        String id = credentials.getString("AccessKeyId");
        String secret = credentials.getString("AccessKeySecret");
        String token = credentials.getString("SecurityToken");
        String expiration = credentials.getString("Expiration");
        if (id == null || secret == null || token == null || expiration == null) {
            throw new IllegalStateException(service + " answered without AccessKeyId, AccessKeySecret, SecurityToken "
                    + "or Expiration");
        }
        try {
            return new ExpiringCredentials(OssCredentials.of(id, secret, token), Instant.parse(expiration));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(service + " answered an Expiration that is not an ISO instant: "
                    + expiration);
        }
    }

    /** The JSON body of a successful answer, or an exception describing the refusal. */
    static JsonObject json(HttpResponse<Buffer> response, String service) {
        JsonObject body;
        try {
            body = response.body() == null ? new JsonObject() : new JsonObject(response.bodyAsString());
        } catch (DecodeException e) {
            body = new JsonObject();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " refused with HTTP " + response.statusCode()
                    + (body.containsKey("Code") ? " " + body.getString("Code") : "")
                    + (body.containsKey("Message") ? ": " + safeMessage(body.getString("Message")) : "")
                    + (body.containsKey("RequestId") ? " (RequestId " + body.getString("RequestId") + ")" : ""));
        }
        return body;
    }

    /** STS puts the string to sign, which may hold a security token, in its SignatureDoesNotMatch message. */
    private static String safeMessage(String message) {
        int cut = message.indexOf("string to sign");
        String safe = cut >= 0 ? message.substring(0, cut).trim() : message;
        return safe.length() > MAX_MESSAGE ? safe.substring(0, MAX_MESSAGE) + "..." : safe;
    }
}
