package io.quarkiverse.alioss.runtime.client;

import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** An OSS response: what the client hands on is always a success (2xx other than 203); errors are mapped first. */
record OssResponse(int status, MultiMap headers, Buffer body) {

    static OssResponse of(HttpResponse<Buffer> response) {
        return new OssResponse(response.statusCode(), response.headers(), response.body());
    }

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
