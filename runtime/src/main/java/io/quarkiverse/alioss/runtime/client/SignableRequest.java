package io.quarkiverse.alioss.runtime.client;

import java.util.Map;

/**
 * The parts of a request a signer reads and the headers it may add.
 *
 * @param method HTTP method
 * @param bucket bucket name, null for service-level requests
 * @param key object key (raw, not encoded), null for bucket-level requests
 * @param query query parameters (raw, not encoded; a null value is a parameter without value), in request order
 * @param headers request headers; the signer adds its own ({@code x-oss-date}, {@code Authorization}, ...)
 */
public record SignableRequest(String method, String bucket, String key, Map<String, String> query,
        Map<String, String> headers) {
}
