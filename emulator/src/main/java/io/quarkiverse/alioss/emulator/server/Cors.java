package io.quarkiverse.alioss.emulator.server;

import io.vertx.core.http.HttpServerResponse;

/**
 * Browser uploads: any origin may send the requests a PostObject form or a presigned PUT needs and read the
 * headers that say what was stored.
 */
final class Cors {

    static final String ALLOWED_METHODS = "GET, PUT, POST, DELETE, HEAD";
    static final String EXPOSED_HEADERS = "ETag, x-oss-request-id, x-oss-hash-crc64ecma, Content-MD5, x-oss-version-id";

    private Cors() {
    }

    /** Headers for an actual (non-preflight) request that carries an Origin. */
    static void onRequest(String origin, HttpServerResponse response) {
        if (origin != null) {
            response.putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                    .putHeader("Vary", "Origin");
        }
    }

    /** Answers an OPTIONS preflight. */
    static void preflight(String origin, String requestedHeaders, HttpServerResponse response) {
        response.putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .putHeader("Access-Control-Allow-Headers", requestedHeaders == null ? "*" : requestedHeaders)
                .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                .putHeader("Access-Control-Max-Age", "600")
                .putHeader("Vary", "Origin")
                .putHeader("Content-Length", "0")
                .setStatusCode(200)
                .end();
    }
}
