package io.quarkiverse.alioss.model;

import java.util.Optional;

/**
 * Parameters of ListObjectsV2. Immutable; each {@code withX} returns a copy.
 *
 * @param prefix only keys starting with this
 * @param delimiter group keys by this character into common prefixes
 * @param startAfter only keys after this one
 * @param continuationToken token of the page to read
 * @param maxKeys page size, 1 to 1000
 */
public record ListObjectsRequest(Optional<String> prefix, Optional<String> delimiter, Optional<String> startAfter,
        Optional<String> continuationToken, int maxKeys) {

    public static final int DEFAULT_MAX_KEYS = 100;

    public ListObjectsRequest {
        if (maxKeys < 1 || maxKeys > 1000) {
            throw new IllegalArgumentException("maxKeys must be between 1 and 1000, got " + maxKeys);
        }
    }

    public static ListObjectsRequest all() {
        return new ListObjectsRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_MAX_KEYS);
    }

    public static ListObjectsRequest withPrefix(String prefix) {
        return all().prefix(prefix);
    }

    public ListObjectsRequest prefix(String value) {
        return new ListObjectsRequest(Optional.ofNullable(value), delimiter, startAfter, continuationToken, maxKeys);
    }

    public ListObjectsRequest delimiter(String value) {
        return new ListObjectsRequest(prefix, Optional.ofNullable(value), startAfter, continuationToken, maxKeys);
    }

    public ListObjectsRequest startAfter(String value) {
        return new ListObjectsRequest(prefix, delimiter, Optional.ofNullable(value), continuationToken, maxKeys);
    }

    public ListObjectsRequest continuationToken(String value) {
        return new ListObjectsRequest(prefix, delimiter, startAfter, Optional.ofNullable(value), maxKeys);
    }

    public ListObjectsRequest maxKeys(int value) {
        return new ListObjectsRequest(prefix, delimiter, startAfter, continuationToken, value);
    }
}
