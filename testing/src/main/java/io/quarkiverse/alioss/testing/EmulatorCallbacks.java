package io.quarkiverse.alioss.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Callbacks the emulator signs with its own key, which Dev Services made the application trust: one for a simulated
 * upload, filled from the application's own callback template with a genuine token, exactly as after a real upload;
 * a raw body sent to any path, for the requests OSS would never send; and the callbacks the emulator delivered.
 */
public final class EmulatorCallbacks {

    private final EmulatorConnection connection;
    private final EmulatorControlClient control;
    private final Supplier<OssCallbackTemplates> templates;

    EmulatorCallbacks(EmulatorConnection connection, EmulatorControlClient control,
            Supplier<OssCallbackTemplates> templates) {
        this.connection = connection;
        this.control = control;
        this.templates = templates;
    }

    /**
     * Has the emulator call back {@code callbackName} for an upload of {@code objectKey} with these {@code x:} values,
     * and waits for the application's answer.
     */
    public CallbackDelivery deliver(String callbackName, String objectKey, Map<String, String> vars) {
        return deliver(SimulatedUpload.of(callbackName, objectKey).vars(vars));
    }

    /**
     * Fills the application's template of {@code upload.callbackName()}, binds its token to the bucket and object key,
     * and has the emulator perform the callback as it does after an upload: body rendered from the template and the
     * upload's facts, signed, sent to the template's URL. Returns when the application has answered.
     *
     * @throws IllegalArgumentException naming the unknown callback or a missing {@code x:} value
     * @throws IllegalStateException with the emulator's message when it refuses the callback parameter, as OSS would
     *         refuse the upload
     */
    public CallbackDelivery deliver(SimulatedUpload upload) {
        String bucket = upload.bucketOr(connection.bucket());
        CallbackTarget target = upload.handedOutFor() == null ? CallbackTarget.upload(bucket, upload.objectKey())
                : CallbackTarget.postObject(bucket, upload.objectKey(), upload.handedOutFor());
        OssCallbackSpec spec = templates.get().get(upload.callbackName()).fill(upload.vars()).bind(target);
        JsonObject request = new JsonObject().put("callback", spec.callbackBase64()).put("bucket", bucket)
                .put("object", upload.objectKey());
        spec.callbackVarBase64().ifPresent(vars -> request.put("callbackVar", vars));
        upload.putFacts(request);
        String reply = control.send("POST", ControlPaths.CALLBACK_UPLOAD, Map.of(), "application/json",
                request.encode().getBytes(StandardCharsets.UTF_8));
        return CallbackDelivery.fromJson(new JsonObject(reply));
    }

    /**
     * Has the emulator sign {@code body} as a callback and POST it to the application, whatever it holds: for tests
     * that a body without a token, or with a tampered one, is refused. The reply is read whatever its status.
     *
     * @param path the application's request path including {@code quarkus.http.root-path}, as
     *        {@code OssCallbackTemplate.path()} gives it, optionally with a query; sent to the first
     *        {@code quarkus.oss.callback.base-url}
     */
    public CallbackDelivery sendSigned(String path, String contentType, String body) {
        return sendSigned(connection.applicationUrl(path), contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #sendSigned(String, String, String)}, to any URL the emulator can reach, with any bytes. */
    public CallbackDelivery sendSigned(URI url, String contentType, byte[] body) {
        String reply = control.send("POST", ControlPaths.CALLBACK_RAW, Map.of("url", url.toString()), contentType,
                body);
        return CallbackDelivery.fromJson(new JsonObject(reply));
    }

    /** The callback requests the emulator sent (by uploads and by this kit), most recent first; it keeps 100. */
    public List<CallbackDelivery> delivered() {
        JsonArray list = new JsonArray(control.send("GET", ControlPaths.CALLBACKS, Map.of(), null, null));
        return list.stream().map(item -> CallbackDelivery.fromJson((JsonObject) item)).toList();
    }

    /** The most recent callback request, if any. */
    public Optional<CallbackDelivery> last() {
        return delivered().stream().findFirst();
    }

    /** Forgets the callbacks delivered so far. */
    public void clear() {
        control.send("DELETE", ControlPaths.CALLBACKS, Map.of(), null, null);
    }
}
