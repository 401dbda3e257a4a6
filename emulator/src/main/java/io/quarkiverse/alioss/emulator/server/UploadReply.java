package io.quarkiverse.alioss.emulator.server;

import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.http.HttpServerResponse;

/** The headers every successful upload answers with (also kept when a callback replaces the body). */
final class UploadReply {

    private UploadReply() {
    }

    static void putHeaders(HttpServerResponse response, StoredObject object) {
        response.putHeader("ETag", ObjectHeaders.quoted(object.etag()))
                .putHeader("x-oss-hash-crc64ecma", Crc64.toHeader(object.crc64()));
        if (object.contentMd5() != null) {
            response.putHeader("Content-MD5", object.contentMd5());
        }
    }
}
