package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.Optional;
import java.util.function.Function;

import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.model.ObjectMetadata;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.smallrye.mutiny.Uni;

/**
 * Confirms a callback with OSS: asks for the object's metadata (one HEAD request through the client configured for the
 * bucket) and compares it with what the body claims. Someone holding a genuine presigned URL or form can have OSS send a
 * callback with values of their choosing from their own account; they cannot make OSS hold that object in this
 * application's bucket. OSS stores the object before it calls back, so a genuine callback always finds it.
 */
final class CallbackConfirmation {

    private final Function<String, Optional<ReactiveOssClient>> clientForBucket;

    /** @param clientForBucket the client configured for a bucket, if any */
    CallbackConfirmation(Function<String, Optional<ReactiveOssClient>> clientForBucket) {
        this.clientForBucket = clientForBucket;
    }

    Uni<Void> confirm(CallbackTemplate template, CallbackFields fields) {
        String bucket;
        String object;
        try {
            bucket = template.stringValueOf(fields, "bucket");
            object = template.stringValueOf(fields, "object");
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        if (bucket == null || bucket.isEmpty() || object == null || object.isEmpty()) {
            return Uni.createFrom().failure(CallbackRejection.notConfirmed("the body does not name bucket and object"));
        }
        Optional<ReactiveOssClient> client = clientForBucket.apply(bucket);
        if (client.isEmpty()) {
            return Uni.createFrom().failure(CallbackRejection.confirmationUnavailable("no OSS client is configured"
                    + " for bucket '" + bucket + "' to confirm the callback with", null));
        }
        return client.get().headObject(object)
                .onFailure().transform(failure -> failure instanceof OssException oss && oss.status() == 404
                        ? CallbackRejection.notConfirmed("object '" + object + "' is not in bucket '" + bucket + "'")
                        : CallbackRejection.confirmationUnavailable("asking OSS for object '" + object + "' failed: "
                                + failure.getMessage(), failure))
                .invoke(metadata -> compare(template, fields, object, metadata))
                .replaceWithVoid();
    }

    private static void compare(CallbackTemplate template, CallbackFields fields, String object,
            ObjectMetadata metadata) {
        for (String size : template.valuesOf(fields, "size")) {
            if (!size.equals(Long.toString(metadata.contentLength()))) {
                throw differs(object, "size", size);
            }
        }
        for (String etag : template.valuesOf(fields, "etag")) {
            if (metadata.etag() == null || !etag.equalsIgnoreCase(metadata.etag())) {
                throw differs(object, "etag", etag);
            }
        }
        if (metadata.crc64().isPresent()) {
            String crc = Long.toUnsignedString(metadata.crc64().getAsLong());
            for (String claimed : template.valuesOf(fields, "crc64")) {
                if (!claimed.equals(crc)) {
                    throw differs(object, "crc64", claimed);
                }
            }
        }
        for (String type : template.valuesOf(fields, "mimeType")) {
            if (metadata.contentType() == null || !type.trim().equalsIgnoreCase(metadata.contentType().trim())) {
                throw differs(object, "mimeType", type);
            }
        }
    }

    private static CallbackRejection differs(String object, String variable, String claimed) {
        return CallbackRejection.notConfirmed("OSS holds object '" + object + "' with another " + variable
                + " than the body's " + CallbackBindingException.shown(claimed));
    }
}
