package io.quarkiverse.alioss.runtime.devui;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackOutcomes;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackRefusal;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * One callback request as the Dev UI shows it: what arrived (time, endpoint, headers, body) and how it ended (outcome,
 * precise reason, duration, reply size). Filled in by the request's own thread, then read by others once finished.
 */
final class Delivery {

    /** The body shown in the Dev UI; the whole body is kept for the replay. */
    static final int BODY_SHOWN = 64 * 1024;
    /** Headers sent again by a replay: what OSS sends and the pipeline reads. */
    private static final List<String> REPLAYED_HEADERS = List.of("content-type", "authorization", "x-oss-pub-key-url",
            "x-oss-request-id");

    private final long id;
    private final Instant time = Instant.now();
    private final long startNanos = System.nanoTime();
    private final String callback;
    private final String method;
    private final String requestTarget;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final DevCallbackJournal.Replay replay;

    private volatile byte[] body;
    private volatile CallbackRefusal refusal;
    private volatile JsonObject view;

    Delivery(long id, CallbackEndpoint endpoint, RoutingContext ctx, DevCallbackJournal.Replay replay) {
        HttpServerRequest request = ctx.request();
        this.id = id;
        this.callback = endpoint.name();
        this.method = endpoint.method();
        this.requestTarget = request.uri();
        SocketAddress local = request.localAddress();
        // the replay goes back to the address the request arrived at; a request without a socket address (Quarkus's
        // in-JVM virtual HTTP) is replayed to localhost on the scheme's default port
        this.host = local == null || local.hostAddress() == null ? "localhost" : local.hostAddress();
        this.port = local == null || local.port() < 0 ? defaultPort(request) : local.port();
        this.ssl = request.isSSL();
        this.replay = replay;
        for (String name : REPLAYED_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
    }

    private static int defaultPort(HttpServerRequest request) {
        return request.isSSL() ? 443 : 80;
    }

    void body(byte[] received) {
        this.body = received;
    }

    void refusal(CallbackRefusal refused) {
        this.refusal = refused;
    }

    /** Called once, when the reply has gone out (or could not). */
    void finish(int status, long replyBytes, boolean replySent) {
        double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
        String outcome;
        String code;
        CallbackRefusal refused = refusal;
        if (!replySent) {
            outcome = "not delivered";
            code = "REPLY_NOT_DELIVERED";
        } else if (status == 200) {
            outcome = "accepted";
            code = null;
        } else {
            // the pipeline's own refusals name their code; a resource method's own status is the method's refusal
            code = refused != null ? refused.code() : CallbackOutcomes.methodOutcomeCode(status, false);
            outcome = CallbackOutcomes.isMethodFailure(status, false) ? "failed" : "refused";
        }
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("time", time.toString())
                .put("callback", callback)
                .put("method", method)
                .put("path", withoutTokenValue(requestTarget))
                .put("outcome", outcome)
                .put("code", code)
                .put("detail", refused == null ? null : refused.detail())
                .put("status", status)
                .put("durationMillis", Math.round(millis * 10) / 10.0)
                .put("replyBytes", replyBytes)
                .put("contentType", headers.get("content-type"))
                .put("keyUrl", headers.get("x-oss-pub-key-url"))
                .put("authorization", shortened(headers.get("authorization")))
                .put("ossRequestId", headers.get("x-oss-request-id"))
                .put("replayOf", replay == null ? null : replay.originalId());
        byte[] received = body;
        if (received != null) {
            int shown = Math.min(received.length, BODY_SHOWN);
            json.put("body", new String(received, 0, shown, StandardCharsets.UTF_8))
                    .put("bodyBytes", received.length)
                    .put("bodyTruncated", shown < received.length);
        }
        this.view = json;
    }

    long id() {
        return id;
    }

    JsonObject view() {
        return view;
    }

    boolean accepted() {
        JsonObject finished = view;
        return finished != null && "accepted".equals(finished.getString("outcome"));
    }

    String code() {
        JsonObject finished = view;
        return finished == null ? null : finished.getString("code");
    }

    byte[] body() {
        return body;
    }

    String requestTarget() {
        return requestTarget;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean ssl() {
        return ssl;
    }

    Map<String, String> replayHeaders() {
        return headers;
    }

    DevCallbackJournal.Replay replay() {
        return replay;
    }

    /** A signature is shown by its first characters only, even in dev mode. */
    static String shortened(String secretish) {
        if (secretish == null) {
            return null;
        }
        return secretish.length() <= 12 ? "***" : secretish.substring(0, 12) + "… (" + secretish.length() + " chars)";
    }

    /** The token in the URL is shown shortened, like a signature. */
    static String withoutTokenValue(String target) {
        int at = target.toLowerCase(Locale.ROOT).indexOf("oss-cb-token=");
        if (at < 0) {
            return target;
        }
        int start = at + "oss-cb-token=".length();
        int end = target.indexOf('&', start);
        String token = end < 0 ? target.substring(start) : target.substring(start, end);
        return target.substring(0, start) + shortened(token) + (end < 0 ? "" : target.substring(end));
    }
}
