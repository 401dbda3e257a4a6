package io.quarkiverse.alioss.presign;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a presigned GET URL serves: the object, and optionally the response headers OSS sends instead of the stored ones
 * ({@code response-*}) and an image process ({@code x-oss-process}). All of them are signed into the URL, so whoever
 * holds it cannot change them. Immutable; each option method returns a copy.
 *
 * @param key the object the URL downloads
 * @param validity how long the URL works
 * @param query the signed query parameters beyond the signature, in the order they were set
 */
public record PresignGetRequest(String key, Duration validity, Map<String, String> query) {

    /** The validity of a request made with {@link #forKey(String)} until {@link #validity(Duration)} changes it. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(15);

    public PresignGetRequest {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key must not be empty (presign GET)");
        }
        // the signer checks the range, which depends on the signature version
        Objects.requireNonNull(validity, "validity");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A GET of {@code key}, valid for {@link #DEFAULT_VALIDITY}, with the stored headers and no processing. */
    public static PresignGetRequest forKey(String key) {
        return new PresignGetRequest(key, DEFAULT_VALIDITY, Map.of());
    }

    public PresignGetRequest validity(Duration value) {
        return new PresignGetRequest(key, value, query);
    }

    /** {@code response-content-type}: the {@code Content-Type} of the download. */
    public PresignGetRequest responseContentType(String value) {
        return with("response-content-type", value);
    }

    /**
     * {@code response-content-disposition}, e.g. {@code attachment; filename="report.pdf"}: whether a browser shows or
     * saves the download, and under which name.
     */
    public PresignGetRequest responseContentDisposition(String value) {
        return with("response-content-disposition", value);
    }

    /** {@code response-cache-control}, e.g. {@code max-age=3600}. */
    public PresignGetRequest responseCacheControl(String value) {
        return with("response-cache-control", value);
    }

    /** {@code response-expires}: an HTTP date. */
    public PresignGetRequest responseExpires(String value) {
        return with("response-expires", value);
    }

    public PresignGetRequest responseContentLanguage(String value) {
        return with("response-content-language", value);
    }

    public PresignGetRequest responseContentEncoding(String value) {
        return with("response-content-encoding", value);
    }

    /**
     * {@code x-oss-process}: an image (or other) process OSS applies before serving, e.g.
     * {@code image/resize,w_200/format,webp}.
     */
    public PresignGetRequest process(String value) {
        return with("x-oss-process", value);
    }

    private PresignGetRequest with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        if (value == null) {
            changed.remove(name);
        } else if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty (presign GET of " + key + ")");
        } else {
            changed.put(name, value);
        }
        return new PresignGetRequest(key, validity, changed);
    }
}
