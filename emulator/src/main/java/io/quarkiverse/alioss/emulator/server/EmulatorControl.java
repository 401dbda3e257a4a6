package io.quarkiverse.alioss.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.quarkiverse.alioss.emulator.auth.AuthFailure;
import io.quarkiverse.alioss.emulator.auth.RequestAuthenticator;
import io.quarkiverse.alioss.emulator.callback.CallbackDeliveries;
import io.quarkiverse.alioss.emulator.callback.CallbackDelivery;
import io.quarkiverse.alioss.emulator.fault.FaultInjector;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The emulator's own endpoints, under {@code /__emulator/}: not OSS APIs, but what tests need to look into and steer a
 * running emulator. They live in a "bucket" named {@value #BUCKET}, a name OSS bucket naming forbids, so no bucket or
 * object request can ever be taken for one. The callback key and the request counts are open; everything else must be
 * signed with the emulator's access key, like an OSS request, because it signs callbacks the application trusts.
 */
final class EmulatorControl {

    static final String BUCKET = "__emulator";
    static final String CALLBACK_KEY = "callback_pub_key.pem";
    static final String REQUEST_COUNTS = "requests";
    static final String CALLBACKS = "callbacks";
    static final String CALLBACK_UPLOAD = "callbacks/upload";
    static final String CALLBACK_RAW = "callbacks/raw";
    static final String FAULTS = "faults";
    static final List<String> KEYS = List.of(CALLBACK_KEY, REQUEST_COUNTS, CALLBACKS, CALLBACK_UPLOAD, CALLBACK_RAW,
            FAULTS);
    /** Control bodies are small: a callback parameter, a fault list, a test's callback body. */
    static final int BODY_LIMIT = 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(EmulatorControl.class.getName());

    private final ObjectStore store;
    private final RequestAuthenticator authenticator;
    private final FaultInjector faults;
    private final RequestCounts counts;
    private final Buffer callbackKeyPem;
    private final CallbackCompletion completion;
    private final CallbackDeliveries deliveries;

    EmulatorControl(ObjectStore store, RequestAuthenticator authenticator, FaultInjector faults, RequestCounts counts,
            String callbackKeyPem, CallbackCompletion completion, CallbackDeliveries deliveries) {
        this.store = store;
        this.authenticator = authenticator;
        this.faults = faults;
        this.counts = counts;
        this.callbackKeyPem = callbackKeyPem == null ? null : Buffer.buffer(callbackKeyPem);
        this.completion = completion;
        this.deliveries = deliveries;
    }

    /** Whether the request is addressed to these endpoints rather than to OSS. */
    static boolean isControl(OssExchange ex) {
        return BUCKET.equals(ex.bucket);
    }

    void handle(OssExchange ex) {
        Future<Void> done;
        try {
            done = answer(ex);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onFailure(error -> fail(ex, error));
    }

    private Future<Void> answer(OssExchange ex) {
        String key = ex.key == null ? "" : ex.key;
        HttpMethod method = ex.request.method();
        if (key.equals(CALLBACK_KEY)) {
            return callbackKey(ex);
        }
        if (key.equals(REQUEST_COUNTS)) {
            requireMethod(ex, HttpMethod.GET);
            ex.discardUnreadBody();
            return json(ex, 200, counts.json());
        }
        if (!KEYS.contains(key)) {
            throw new ControlRequestException(404, "NoSuchControlEndpoint", "The emulator has no control endpoint /"
                    + BUCKET + "/" + key + "; it has " + KEYS.stream().map(k -> "/" + BUCKET + "/" + k).toList());
        }
        authenticator.authenticate(ex.signedRequest());
        return switch (key) {
            case CALLBACKS -> method == HttpMethod.DELETE ? clearDeliveries(ex) : listDeliveries(ex);
            case CALLBACK_UPLOAD -> deliverForUpload(ex);
            case CALLBACK_RAW -> sendRaw(ex);
            default -> method == HttpMethod.DELETE ? clearFaults(ex) : setFaults(ex);
        };
    }

    private Future<Void> callbackKey(OssExchange ex) {
        ex.discardUnreadBody();
        if (callbackKeyPem == null) {
            return ex.sendEmpty(404);
        }
        return ex.send(200, callbackKeyPem, "application/x-pem-file");
    }

    private Future<Void> listDeliveries(OssExchange ex) {
        requireMethod(ex, HttpMethod.GET, HttpMethod.DELETE);
        ex.discardUnreadBody();
        JsonArray list = new JsonArray();
        deliveries.recentFirst().forEach(delivery -> list.add(toJson(delivery)));
        return json(ex, 200, list.encode());
    }

    private Future<Void> clearDeliveries(OssExchange ex) {
        ex.discardUnreadBody();
        deliveries.clear();
        return ex.sendEmpty(204);
    }

    private Future<Void> deliverForUpload(OssExchange ex) {
        requireMethod(ex, HttpMethod.POST);
        String clientIp = ex.request.remoteAddress() == null ? "" : ex.request.remoteAddress().hostAddress();
        return body(ex).compose(body -> {
            SimulatedUpload upload = SimulatedUpload.parse(body);
            return upload.facts(store, ex.requestId, clientIp)
                    .compose(facts -> completion.performer().performRecorded(upload.spec, facts));
        }).compose(delivery -> json(ex, 200, toJson(delivery).encode()));
    }

    private Future<Void> sendRaw(OssExchange ex) {
        requireMethod(ex, HttpMethod.POST);
        String url = ex.param("url");
        if (url == null || url.isEmpty()) {
            throw ControlRequestException.badRequest("The query parameter 'url' is required: where to send the body");
        }
        String contentType = ex.header("Content-Type");
        if (contentType == null) {
            throw ControlRequestException.badRequest("The Content-Type header is required: it is sent with the body");
        }
        return body(ex).compose(body -> {
            try {
                return completion.performer().sendSigned(url, contentType, body.getBytes(), ex.requestId);
            } catch (IllegalArgumentException e) {
                throw ControlRequestException.badRequest("The url '" + url + "' is refused as OSS refuses a "
                        + "callbackUrl: " + e.getMessage());
            }
        }).compose(delivery -> json(ex, 200, toJson(delivery).encode()));
    }

    private Future<Void> setFaults(OssExchange ex) {
        requireMethod(ex, HttpMethod.POST, HttpMethod.DELETE);
        return body(ex).compose(body -> {
            List<String> specs = body.toString(StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            if (specs.isEmpty()) {
                throw ControlRequestException.badRequest("The body must hold one fault per line, e.g. "
                        + "PutObject:error-rate=1");
            }
            // all checked before any is applied, so a refused request changes nothing
            FaultInjector checked = new FaultInjector();
            for (String spec : specs) {
                try {
                    checked.set(spec);
                } catch (IllegalArgumentException e) {
                    throw ControlRequestException.badRequest("Fault '" + spec + "': " + e.getMessage());
                }
            }
            specs.forEach(faults::set);
            return ex.sendEmpty(204);
        });
    }

    private Future<Void> clearFaults(OssExchange ex) {
        ex.discardUnreadBody();
        faults.clear();
        return ex.sendEmpty(204);
    }

    private static Future<Buffer> body(OssExchange ex) {
        return SmallBody.read(ex.request, BODY_LIMIT).recover(error -> Future.failedFuture(error instanceof OssError
                ? ControlRequestException.badRequest("The body exceeds " + BODY_LIMIT + " bytes")
                : error));
    }

    private static void requireMethod(OssExchange ex, HttpMethod... allowed) {
        for (HttpMethod method : allowed) {
            if (ex.request.method() == method) {
                return;
            }
        }
        throw new ControlRequestException(405, "MethodNotAllowed", ex.request.method() + " is not allowed on /"
                + BUCKET + "/" + ex.key + "; use " + List.of(allowed));
    }

    static JsonObject toJson(CallbackDelivery delivery) {
        return new JsonObject()
                .put("sentAt", delivery.sentAt().toString())
                .put("url", delivery.url())
                .put("contentType", delivery.contentType())
                .put("body", delivery.body().toString(StandardCharsets.UTF_8))
                .put("status", delivery.status())
                .put("replyContentType", delivery.replyContentType())
                .put("reply", delivery.reply() == null ? null : delivery.reply().toString(StandardCharsets.UTF_8))
                .put("failure", delivery.failure());
    }

    private static Future<Void> json(OssExchange ex, int status, String json) {
        return ex.send(status, Buffer.buffer(json), "application/json");
    }

    /** Control errors are JSON {@code {"code":..,"message":..}}, never OSS's XML: they are not OSS answers. */
    private static void fail(OssExchange ex, Throwable error) {
        int status;
        String code;
        if (error instanceof ControlRequestException control) {
            status = control.status();
            code = control.code();
        } else if (error instanceof AuthFailure auth) {
            status = "InvalidArgument".equals(auth.code()) ? 400 : 403;
            code = auth.code();
        } else {
            LOG.log(Level.WARNING, "Emulator control request " + ex.requestId + " failed", error);
            status = 500;
            code = "InternalError";
        }
        if (ex.response().ended()) {
            return;
        }
        ex.discardUnreadBody();
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        json(ex, status, new JsonObject().put("code", code).put("message", message).encode());
    }
}
