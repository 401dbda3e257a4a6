package io.quarkiverse.alioss.model;

import java.util.Optional;

/** Outcome of CopyObject. ETag without quotes. */
public record CopyObjectResult(String etag, String lastModified, String requestId, Optional<String> versionId) {
}
