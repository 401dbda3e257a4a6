package io.quarkiverse.alioss.emulator.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkiverse.alioss.emulator.callback.CallbackArgumentException;
import io.quarkiverse.alioss.emulator.callback.CallbackOutcome;
import io.quarkiverse.alioss.emulator.callback.CallbackPerformer;
import io.quarkiverse.alioss.emulator.callback.CallbackSpec;
import io.quarkiverse.alioss.emulator.callback.UploadFacts;
import io.quarkiverse.alioss.emulator.image.ImageInfo;
import io.quarkiverse.alioss.emulator.store.BlobHead;
import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.Future;

/**
 * Uploads that may carry an OSS upload callback: the parameters are validated before the upload is stored (400
 * InvalidArgument), the callback is performed after, and its outcome decides the answer: 200 with the app's body, or
 * 203 CallbackFailed with the object kept.
 */
public final class CallbackCompletion extends UploadCompletion {

    static final String BOTH_CARRIERS = "Either the callback query string parameter or the x-oss-callback header "
            + "should be specified, not both.";
    static final String BOTH_VAR_CARRIERS = "Either the callback-var query string parameter or the "
            + "x-oss-callback-var header should be specified, not both.";
    private static final String CALLBACK_FAILED_EC = "0007-00000203";
    /** Enough of the object for any image header the probe understands (JPEG may start with large EXIF data). */
    private static final int IMAGE_HEAD_BYTES = 256 * 1024;

    private final Supplier<CallbackPerformer> performerFactory;
    private volatile CallbackPerformer performer;

    /** @param performerFactory called once, at the first callback (the key URL is known only after start) */
    public CallbackCompletion(Supplier<CallbackPerformer> performerFactory) {
        this.performerFactory = performerFactory;
    }

    /** Closes the performer's HTTP client, if a callback ever created it. */
    public Future<Void> close() {
        CallbackPerformer p = performer;
        return p == null ? Future.succeededFuture() : p.close();
    }

    @Override
    Pending prepare(OssExchange ex) {
        String header = ex.header("x-oss-callback");
        String query = ex.param("callback");
        String varHeader = ex.header("x-oss-callback-var");
        String varQuery = ex.param("callback-var");
        if (header != null && query != null) {
            throw bothCarriers(BOTH_CARRIERS, "callback", header);
        }
        if (varHeader != null && varQuery != null) {
            throw bothCarriers(BOTH_VAR_CARRIERS, "callback-var", varHeader);
        }
        String callback = header != null ? header : query;
        if (callback == null) {
            return super.prepare(ex);
        }
        CallbackSpec spec = parse(() -> CallbackSpec.parse(callback, varHeader != null ? varHeader : varQuery));
        return (bucket, object, operation, reply) -> callBack(ex, spec, bucket, object, operation);
    }

    @Override
    Pending preparePost(OssExchange ex, String callbackBase64, Map<String, String> customVariables) {
        if (callbackBase64 == null) {
            return super.preparePost(ex, null, customVariables);
        }
        CallbackSpec spec = parse(() -> CallbackSpec.parseForPostObject(callbackBase64, customVariables));
        return (bucket, object, operation, reply) -> callBack(ex, spec, bucket, object, operation);
    }

    private static CallbackSpec parse(Supplier<CallbackSpec> parser) {
        try {
            return parser.get();
        } catch (CallbackArgumentException e) {
            throw new OssError(400, "InvalidArgument", e.ossMessage(), e.ec())
                    .with("ArgumentName", e.argumentName())
                    .with("ArgumentValue", e.argumentValue());
        }
    }

    private static OssError bothCarriers(String message, String name, String value) {
        return new OssError(400, "InvalidArgument", message, "0007-00000027")
                .with("ArgumentName", name).with("ArgumentValue", value);
    }

    private Future<Void> callBack(OssExchange ex, CallbackSpec spec, String bucket, StoredObject object,
            String operation) {
        return imageInfo(spec, object)
                .compose(image -> performer().perform(spec, facts(ex, bucket, object, operation, image)))
                .compose(outcome -> {
                    UploadReply.putHeaders(ex.response(), object);
                    if (outcome instanceof CallbackOutcome.Delivered delivered) {
                        return ex.send(200, delivered.body(), delivered.contentType());
                    }
                    String message = ((CallbackOutcome.Failed) outcome).message();
                    return ex.fail(new OssError(203, "CallbackFailed", message, CALLBACK_FAILED_EC));
                });
    }

    /** Probes the stored bytes only when the body template asks for image information. */
    static Future<ImageInfo> imageInfo(CallbackSpec spec, StoredObject object) {
        if (!spec.bodyTemplate().contains("imageInfo")) {
            return Future.succeededFuture(null);
        }
        return BlobHead.read(object.blob(), IMAGE_HEAD_BYTES).map(head -> {
            try {
                return ImageInfo.probe(new ByteArrayInputStream(head.getBytes()));
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static UploadFacts facts(OssExchange ex, String bucket, StoredObject object, String operation,
            ImageInfo image) {
        return new UploadFacts(bucket, object.key(), object.etag(), object.size(), object.contentType(), image,
                Crc64.toHeader(object.crc64()), object.contentMd5() == null ? "" : object.contentMd5(), "",
                ex.request.remoteAddress() == null ? "" : ex.request.remoteAddress().hostAddress(), ex.requestId,
                operation);
    }

    /** The one performer of this emulator, created at the first callback. */
    CallbackPerformer performer() {
        CallbackPerformer p = performer;
        if (p == null) {
            synchronized (this) {
                p = performer;
                if (p == null) {
                    p = performerFactory.get();
                    performer = p;
                }
            }
        }
        return p;
    }
}
