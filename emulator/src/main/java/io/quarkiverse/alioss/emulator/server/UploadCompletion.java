package io.quarkiverse.alioss.emulator.server;

import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * How an upload (PutObject, PostObject, CompleteMultipartUpload) is answered once its object is stored. Callback
 * parameters are checked by {@link #prepare} before any byte is stored.
 */
public class UploadCompletion {

    /** The answer without callback: status, body (may be empty) and its content type (may be null). */
    record DefaultReply(int status, Buffer body, String contentType) {
        static final DefaultReply EMPTY_200 = new DefaultReply(200, Buffer.buffer(), null);
    }

    /** An upload whose callback parameters (if any) are valid. */
    interface Pending {
        Future<Void> complete(String bucket, StoredObject object, String operation, DefaultReply reply);
    }

    Pending prepare(OssExchange ex) {
        return (bucket, object, operation, reply) -> sendDefault(ex, object, reply);
    }

    /** PostObject: the Base64 {@code callback} form field (or null) and the {@code x:*} fields. */
    Pending preparePost(OssExchange ex, String callbackBase64, java.util.Map<String, String> customVariables) {
        return (bucket, object, operation, reply) -> sendDefault(ex, object, reply);
    }

    static Future<Void> sendDefault(OssExchange ex, StoredObject object, DefaultReply reply) {
        DefaultReply r = reply == null ? DefaultReply.EMPTY_200 : reply;
        UploadReply.putHeaders(ex.response(), object);
        return ex.send(r.status(), r.body(), r.contentType());
    }
}
