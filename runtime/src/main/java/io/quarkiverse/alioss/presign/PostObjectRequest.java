package io.quarkiverse.alioss.presign;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.alioss.callback.OssCallbackSpec;

/**
 * What a browser upload may do, written into the PostObject policy that OSS enforces: the key (exact, or a prefix the
 * page completes), the validity, the size range, an optional exact content type and an optional callback whose
 * {@code x:} variables are pinned to their values (a browser that edits them is refused by OSS).
 */
public final class PostObjectRequest {

    private final String key;
    private final boolean keyIsPrefix;
    private Duration validity = Duration.ofMinutes(15);
    private long minSize = 0;
    private long maxSize = 5L * 1024 * 1024 * 1024;
    private String contentType;
    private OssCallbackSpec callback;

    private PostObjectRequest(String key, boolean keyIsPrefix) {
        if (key == null || (!keyIsPrefix && key.isEmpty())) {
            throw new IllegalArgumentException("PostObject key must not be empty");
        }
        this.key = key;
        this.keyIsPrefix = keyIsPrefix;
    }

    /** The browser must upload to exactly this key. */
    public static PostObjectRequest forKey(String key) {
        return new PostObjectRequest(key, false);
    }

    /** The browser may upload to any key starting with {@code prefix} (it sets the {@code key} field). */
    public static PostObjectRequest forKeyPrefix(String prefix) {
        return new PostObjectRequest(prefix, true);
    }

    /** How long the form may be used, 1 second to 7 days. */
    public PostObjectRequest validity(Duration value) {
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("PostObject validity must be between 1 second and 7 days, got " + value);
        }
        this.validity = value;
        return this;
    }

    /** Allowed file sizes in bytes, both inclusive. */
    public PostObjectRequest sizeRange(long min, long max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("PostObject size range must satisfy 0 <= min <= max, got " + min + ".."
                    + max);
        }
        this.minSize = min;
        this.maxSize = max;
        return this;
    }

    /** Requires exactly this {@code Content-Type} form field. */
    public PostObjectRequest contentType(String value) {
        this.contentType = value;
        return this;
    }

    public PostObjectRequest callback(OssCallbackSpec value) {
        this.callback = value;
        return this;
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
