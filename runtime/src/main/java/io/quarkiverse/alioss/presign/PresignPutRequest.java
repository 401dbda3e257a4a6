package io.quarkiverse.alioss.presign;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.alioss.callback.OssCallbackSpec;

/**
 * What a presigned PUT URL allows. Immutable; each option method returns a copy.
 *
 * @param key the object the URL uploads to
 * @param validity how long the URL works
 * @param contentType a {@code Content-Type} signed into the URL, which the uploader must then send unchanged
 * @param callback an upload callback signed into the URL
 */
public record PresignPutRequest(String key, Duration validity, Optional<String> contentType,
        Optional<OssCallbackSpec> callback) {

    /** The validity of a request made with {@link #forKey(String)} until {@link #validity(Duration)} changes it. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(15);

    public PresignPutRequest {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key must not be empty (presign PUT)");
        }
        // the signer checks the range, which depends on the signature version
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(callback, "callback");
    }

    /** A PUT of {@code key}, valid for {@link #DEFAULT_VALIDITY}, without signed content type or callback. */
    public static PresignPutRequest forKey(String key) {
        return new PresignPutRequest(key, DEFAULT_VALIDITY, Optional.empty(), Optional.empty());
    }

    public PresignPutRequest validity(Duration value) {
        return new PresignPutRequest(key, value, contentType, callback);
    }

    public PresignPutRequest contentType(String value) {
        return new PresignPutRequest(key, validity, Optional.ofNullable(value), callback);
    }

    public PresignPutRequest callback(OssCallbackSpec value) {
        return new PresignPutRequest(key, validity, contentType, Optional.ofNullable(value));
    }
}
