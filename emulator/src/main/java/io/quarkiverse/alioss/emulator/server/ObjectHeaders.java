package io.quarkiverse.alioss.emulator.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;

/** Which upload headers an object keeps, and the headers GET/HEAD answer with. */
final class ObjectHeaders {

    private static final Set<String> KEPT = Set.of("content-type", "content-disposition", "content-encoding",
            "content-language", "cache-control", "expires");

    /** {@code response-*} query parameters of GetObject and the header each one overrides. */
    private static final Map<String, String> OVERRIDES = Map.of("response-content-type", "Content-Type",
            "response-content-language", "Content-Language", "response-expires", "Expires",
            "response-cache-control", "Cache-Control", "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private ObjectHeaders() {
    }

    /** Representation headers and {@code x-oss-meta-*} of an upload, lowercase names. */
    static Map<String, String> storable(MultiMap requestHeaders) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : requestHeaders) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (KEPT.contains(name) || name.startsWith("x-oss-meta-")) {
                kept.putIfAbsent(name, h.getValue());
            }
        }
        kept.putIfAbsent("content-type", "application/octet-stream");
        return kept;
    }

    /** The headers of GetObject/HeadObject (Content-Length is set by the caller, it depends on the range). */
    static void write(HttpServerResponse response, StoredObject object, OssExchange exchange) {
        object.headers().forEach(response::putHeader);
        response.putHeader("ETag", quoted(object.etag()))
                .putHeader("Last-Modified", HttpDates.rfc1123(object.lastModified()))
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("x-oss-object-type", object.objectType())
                .putHeader("x-oss-storage-class", "Standard")
                .putHeader("x-oss-hash-crc64ecma", Crc64.toHeader(object.crc64()));
        if (object.objectType().equals(AppendHandler.APPENDABLE)) {
            response.putHeader(AppendHandler.NEXT_POSITION, String.valueOf(object.size()));
        }
        if (!object.tags().isEmpty()) {
            response.putHeader("x-oss-tagging-count", String.valueOf(object.tags().size()));
        }
        if (object.contentMd5() != null) {
            response.putHeader("Content-MD5", object.contentMd5());
        }
        OVERRIDES.forEach((param, header) -> {
            String value = exchange.param(param);
            if (value != null) {
                response.putHeader(header, value);
            }
        });
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    /** An ETag as clients send it back: quoted, entity-escaped or bare; returns it bare and uppercase. */
    static String unquoted(String etag) {
        String e = etag.trim().replace("&quot;", "\"").replace("&#34;", "\"");
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e.toUpperCase(Locale.ROOT);
    }
}
