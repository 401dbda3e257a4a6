package io.quarkiverse.alioss.emulator.server;

import java.util.Locale;
import java.util.Set;

import io.quarkiverse.alioss.emulator.store.StoredObject;

/**
 * When OSS compresses a download: the request accepts gzip, the object is at least 1 KB, and its Content-Type is one
 * of the web text types OSS lists (OSS FAQ "How do I compress objects that I download from OSS in the GZIP format?").
 */
final class Gzip {

    static final long MIN_SIZE = 1024;
    static final Set<String> TYPES = Set.of("text/cache-manifest", "text/xml", "text/css", "text/html", "text/plain",
            "application/javascript", "application/x-javascript", "application/rss+xml", "application/json",
            "text/json");

    private Gzip() {
    }

    static boolean applies(OssExchange ex, StoredObject object) {
        // bytes stored already encoded (Content-Encoding given on upload) are sent as they are
        return acceptsGzip(ex.header("Accept-Encoding")) && object.size() >= MIN_SIZE
                && TYPES.contains(mediaType(object.contentType())) && !object.headers().containsKey("content-encoding");
    }

    private static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].trim().replace(" ", "");
                    if (param.equals("q=0") || param.matches("q=0\\.0*")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
