package io.quarkiverse.alioss.model;

import java.time.Instant;

/** One entry of a ListObjectsV2 page. ETag without quotes. */
public record ObjectSummary(String key, String etag, long size, Instant lastModified, String storageClass,
        String type) {
}
