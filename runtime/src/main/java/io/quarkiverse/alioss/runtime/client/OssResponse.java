package io.quarkiverse.alioss.runtime.client;

import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;

/** A successful (2xx other than 203) OSS response. */
record OssResponse(int status, MultiMap headers, Buffer body) {

    String header(String name) {
        return headers.get(name);
    }

    byte[] bodyBytes() {
        return body == null ? new byte[0] : body.getBytes();
    }

    String requestId() {
        return headers.get("x-oss-request-id");
    }
}
