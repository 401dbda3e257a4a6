package io.quarkiverse.alioss.runtime.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One OSS operation to send: method, object key (null for bucket-level operations), query parameters, headers and
 * body. The executor adds addressing, date, length and signature.
 */
final class OssRequest {

    final OssOperation operation;
    final String method;
    final String key;
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    RequestBody body = RequestBody.EMPTY;

    private OssRequest(OssOperation operation, String key) {
        this.operation = operation;
        this.method = operation.method;
        this.key = key;
    }

    static OssRequest object(OssOperation operation, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key must not be empty (" + operation.method + ")");
        }
        return new OssRequest(operation, key);
    }

    static OssRequest bucket(OssOperation operation) {
        return new OssRequest(operation, null);
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
