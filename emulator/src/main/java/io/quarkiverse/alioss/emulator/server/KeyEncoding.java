package io.quarkiverse.alioss.emulator.server;

import io.quarkiverse.alioss.emulator.auth.UriEncoding;

/** {@code encoding-type=url} in listings and multipart answers: keys percent-encoded ({@code /} too). */
final class KeyEncoding {

    private final boolean url;

    KeyEncoding(OssExchange ex) {
        this.url = "url".equals(ex.param("encoding-type"));
    }

    String apply(String value) {
        return value == null || !url ? value : UriEncoding.encode(value, false);
    }

    /** A key as a client sent it in a request body: URL-decoded under {@code encoding-type=url}. */
    String decode(String value) {
        return url ? UriEncoding.decode(value, true) : value;
    }

    /** The EncodingType element value, or null when not requested. */
    String typeElement() {
        return url ? "url" : null;
    }
}
