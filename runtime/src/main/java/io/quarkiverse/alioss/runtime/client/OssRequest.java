package io.quarkiverse.alioss.runtime.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One OSS operation to send: method, object key (null for bucket-level operations), query parameters, headers and
 * body. The executor adds addressing, date, length and signature.
 */
final class OssRequest {

    final String method;
    final String key;
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    RequestBody body = RequestBody.EMPTY;

    private OssRequest(String method, String key) {
        this.method = method;
        this.key = key;
    }

    static OssRequest object(String method, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key must not be empty (" + method + ")");
        }
        return new OssRequest(method, key);
    }

    static OssRequest bucket(String method) {
        return new OssRequest(method, null);
    }

    /** Adds a query parameter; a null value is a parameter without value (e.g. {@code ?uploads}). */
    OssRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    OssRequest header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    OssRequest body(RequestBody value) {
        this.body = value;
        return this;
    }

    /** For messages and logs: the method and key, never headers or signatures. */
    String describe() {
        return method + " " + (key == null ? "<bucket>" : key);
    }
}
