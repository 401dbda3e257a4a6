package io.quarkiverse.alioss.presign;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A presigned URL: anyone holding it may perform {@code method} on the object until {@code expiresAt}, without
 * credentials.
 *
 * @param method the HTTP method the URL is signed for
 * @param url the full URL, signature included
 * @param signedHeaders headers that were signed and must be sent unchanged with the request (e.g.
 *        {@code Content-Type} of a presigned PUT)
 * @param expiresAt when the URL stops working
 */
public record PresignedRequest(String method, URI url, Map<String, String> signedHeaders, Instant expiresAt) {

    /** The URL is a bearer credential: logs get its path, never its query with the signature or STS token. */
    @Override
    public String toString() {
        String query = url.getRawQuery() == null ? "" : "?***";
        return "PresignedRequest[method=" + method + ", url=" + url.getScheme() + "://" + url.getRawAuthority()
                + url.getRawPath() + query + ", signedHeaders=" + signedHeaders.keySet() + ", expiresAt=" + expiresAt
                + "]";
    }
}
