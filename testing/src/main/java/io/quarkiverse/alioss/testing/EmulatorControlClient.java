package io.quarkiverse.alioss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.alioss.runtime.signing.OssUriEncoder;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.quarkiverse.alioss.runtime.signing.SignableRequest;
import io.vertx.core.json.JsonObject;

/**
 * Sends control requests to the emulator, signed with its access key (Signature V4) as the emulator requires, and
 * turns a refusal into an exception carrying the emulator's message.
 */
final class EmulatorControlClient {

    /** A callback may try up to 5 URLs with OSS's 5 s timeout each. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection");

    private final EmulatorConnection connection;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    EmulatorControlClient(EmulatorConnection connection) {
        this.connection = connection;
    }

    /** The JSON answer of a successful request; null for an empty one (204). */
    String send(String method, String key, Map<String, String> query, String contentType, byte[] body) {
        SignableRequest request = SignableRequest.forObject(method, ControlPaths.BUCKET, key);
        StringBuilder uri = new StringBuilder(connection.endpoint().toString()).append('/').append(ControlPaths.BUCKET)
                .append('/').append(key);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            request.query(parameter.getKey(), parameter.getValue());
            uri.append(separator).append(OssUriEncoder.encodeComponent(parameter.getKey())).append('=')
                    .append(OssUriEncoder.encodeComponent(parameter.getValue()));
            separator = '&';
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        new OssV4Signer(connection.region()).signHeaders(request, connection.credentials(), Instant.now());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, value) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The OSS emulator at " + connection.endpoint() + " did not answer " + method
                    + " /" + ControlPaths.BUCKET + "/" + key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the OSS emulator", e);
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("The OSS emulator refused " + method + " /" + ControlPaths.BUCKET + "/" + key
                    + " with " + response.statusCode() + ": " + messageOf(response.body()));
        }
        return response.body().isEmpty() ? null : response.body();
    }

    private static String messageOf(String body) {
        try {
            String message = new JsonObject(body).getString("message");
            return message == null ? body : message;
        } catch (RuntimeException e) {
            return body;
        }
    }
}
