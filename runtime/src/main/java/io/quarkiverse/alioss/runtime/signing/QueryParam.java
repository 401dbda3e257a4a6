package io.quarkiverse.alioss.runtime.signing;

import java.util.Objects;

/**
 * One query parameter, not encoded. {@code value} is {@code null} for a parameter without value, such as {@code ?acl}
 * or {@code ?uploads}.
 */
public record QueryParam(String name, String value) {

    public QueryParam {
        Objects.requireNonNull(name, "query parameter name");
    }

    public static QueryParam of(String name, String value) {
        return new QueryParam(name, value);
    }

    /** A parameter without value, e.g. {@code uploads}. */
    public static QueryParam flag(String name) {
        return new QueryParam(name, null);
    }

    boolean hasValue() {
        return value != null && !value.isEmpty();
    }
}
