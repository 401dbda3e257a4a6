package io.quarkiverse.alioss.emulator.callback;

/** The two body types OSS supports for the callback request; the value becomes its Content-Type. */
public enum CallbackBodyType {
    FORM("application/x-www-form-urlencoded"),
    JSON("application/json");

    private final String contentType;

    CallbackBodyType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** Exact, case-sensitive match against the two supported values; null when unsupported. */
    static CallbackBodyType fromContentType(String value) {
        for (CallbackBodyType type : values()) {
            if (type.contentType.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
