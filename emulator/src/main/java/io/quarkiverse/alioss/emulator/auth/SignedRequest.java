package io.quarkiverse.alioss.emulator.auth;

import java.util.List;
import java.util.Map;

import io.vertx.core.MultiMap;

/**
 * What a signature covers, independent of addressing style.
 *
 * @param bucket bucket name or null for service requests
 * @param key decoded object key or null for bucket requests
 * @param query decoded query parameters in the order received (a parameter without value has value "")
 */
public record SignedRequest(String method, String bucket, String key, List<Map.Entry<String, String>> query,
        MultiMap headers) {

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
