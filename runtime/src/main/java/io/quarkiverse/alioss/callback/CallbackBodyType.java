package io.quarkiverse.alioss.callback;

/**
 * The two body types OSS supports for a callback request ({@code callbackBodyType}).
 */
public enum CallbackBodyType {
    /** {@code application/x-www-form-urlencoded} (the OSS default): values arrive URL-encoded. */
    FORM("application/x-www-form-urlencoded"),
    /** {@code application/json}: string values arrive as JSON string literals, numbers bare, empty values as {@code null}. */
    JSON("application/json");

    private final String contentType;

    CallbackBodyType(String contentType) {
        this.contentType = contentType;
    }

    /** The value OSS expects in {@code callbackBodyType} and sends back as the callback's {@code Content-Type}. */
    public String contentType() {
        return contentType;
    }
}
