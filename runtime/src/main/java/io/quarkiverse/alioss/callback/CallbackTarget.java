package io.quarkiverse.alioss.callback;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one upload a callback is for: the bucket and the exact object key (or, for a PostObject form that lets the
 * browser choose the name, a key prefix), and who uploads. A template's callback token binds all of it, so a callback that
 * names another bucket or object is refused.
 * <p>
 * When someone other than the application uploads (a presigned URL or a PostObject form handed out), the token also
 * says that the callback must be confirmed with OSS: the route asks OSS for the object's metadata before the method
 * runs, because the holder of the URL or form could otherwise make OSS send a callback with values of their choosing.
 * {@link io.quarkiverse.alioss.OssClient} binds the callbacks it sends itself; code that uses another client binds
 * with {@link OssCallbackSpec#bind(CallbackTarget)}.
 *
 * @param bucket the bucket the object is uploaded to
 * @param key the object key, or the key prefix when {@code keyIsPrefix}
 * @param keyIsPrefix whether the uploader may choose any key starting with {@code key}
 * @param handedOutFor the validity of the presigned URL or form given to someone else; empty when the application
 *        uploads itself
 */
public record CallbackTarget(String bucket, String key, boolean keyIsPrefix, Optional<Duration> handedOutFor) {

    public CallbackTarget {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("a callback target needs a bucket");
        }
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() && !keyIsPrefix) {
            throw new IllegalArgumentException("a callback target needs an object key");
        }
        Objects.requireNonNull(handedOutFor, "handedOutFor");
        handedOutFor.ifPresent(validity -> {
            if (validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException("the validity of a handed-out upload must be positive, got "
                        + validity);
            }
        });
        if (keyIsPrefix && handedOutFor.isEmpty()) {
            throw new IllegalArgumentException("only a PostObject form handed out to someone else leaves the key open");
        }
    }

    /** An upload the application makes itself: PutObject or CompleteMultipartUpload of exactly this key. */
    public static CallbackTarget upload(String bucket, String key) {
        return new CallbackTarget(bucket, key, false, Optional.empty());
    }

    /** A presigned PUT URL for exactly this key, valid for {@code validity}. */
    public static CallbackTarget presignedUpload(String bucket, String key, Duration validity) {
        return new CallbackTarget(bucket, key, false, Optional.of(validity));
    }

    /** A PostObject form for exactly this key, valid for {@code validity}. */
    public static CallbackTarget postObject(String bucket, String key, Duration validity) {
        return new CallbackTarget(bucket, key, false, Optional.of(validity));
    }

    /** A PostObject form for any key starting with {@code prefix}, valid for {@code validity}. */
    public static CallbackTarget postObjectWithKeyPrefix(String bucket, String prefix, Duration validity) {
        return new CallbackTarget(bucket, prefix, true, Optional.of(validity));
    }

    /** Whether the route must confirm the callback with OSS: someone other than the application uploads. */
    public boolean confirmWithOss() {
        return handedOutFor.isPresent();
    }
}
