package io.quarkiverse.alioss.presign;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.alioss.callback.OssCallbackSpec;

/**
 * What a browser upload may do, written into the PostObject policy that OSS enforces: the key (exact, or a prefix the
 * page completes), the validity, the size range, an optional exact content type and an optional callback whose
 * {@code x:} variables are pinned to their values (a browser that edits them is refused by OSS).
 * <p>
 * Immutable; each option method returns a copy.
 */
public final class PostObjectRequest {

    private final String key;
    private final boolean keyIsPrefix;
    private final Duration validity;
    private final long minSize;
    private final long maxSize;
    private final String contentType;
    private final OssCallbackSpec callback;

    private PostObjectRequest(String key, boolean keyIsPrefix, Duration validity, long minSize, long maxSize,
            String contentType, OssCallbackSpec callback) {
        this.key = key;
        this.keyIsPrefix = keyIsPrefix;
        this.validity = validity;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.contentType = contentType;
        this.callback = callback;
    }

    private static PostObjectRequest of(String key, boolean keyIsPrefix) {
        if (key == null || (!keyIsPrefix && key.isEmpty())) {
            throw new IllegalArgumentException("PostObject key must not be empty");
        }
        return new PostObjectRequest(key, keyIsPrefix, Duration.ofMinutes(15), 0, 5L * 1024 * 1024 * 1024, null, null);
    }

    /** The browser must upload to exactly this key. */
    public static PostObjectRequest forKey(String key) {
        return of(key, false);
    }

    /** The browser may upload to any key starting with {@code prefix} (it sets the {@code key} field). */
    public static PostObjectRequest forKeyPrefix(String prefix) {
        return of(prefix, true);
    }

    /** How long the form may be used, 1 second to 7 days. */
    public PostObjectRequest validity(Duration value) {
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("PostObject validity must be between 1 second and 7 days, got " + value);
        }
        return new PostObjectRequest(key, keyIsPrefix, value, minSize, maxSize, contentType, callback);
    }

    /** Allowed file sizes in bytes, both inclusive. */
    public PostObjectRequest sizeRange(long min, long max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("PostObject size range must satisfy 0 <= min <= max, got " + min + ".."
                    + max);
        }
        return new PostObjectRequest(key, keyIsPrefix, validity, min, max, contentType, callback);
    }

    /** Requires exactly this {@code Content-Type} form field. */
    public PostObjectRequest contentType(String value) {
        return new PostObjectRequest(key, keyIsPrefix, validity, minSize, maxSize, value, callback);
    }

    public PostObjectRequest callback(OssCallbackSpec value) {
        return new PostObjectRequest(key, keyIsPrefix, validity, minSize, maxSize, contentType, value);
    }

    public String key() {
        return key;
    }

    public boolean keyIsPrefix() {
        return keyIsPrefix;
    }

    public Duration validity() {
        return validity;
    }

    public long minSize() {
        return minSize;
    }

    public long maxSize() {
        return maxSize;
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    public Optional<OssCallbackSpec> callback() {
        return Optional.ofNullable(callback);
    }
}
