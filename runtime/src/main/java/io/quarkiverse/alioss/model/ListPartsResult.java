package io.quarkiverse.alioss.model;

import java.util.List;
import java.util.OptionalInt;

/** One page of ListParts. */
public record ListPartsResult(String key, String uploadId, List<PartETag> parts, boolean truncated,
        OptionalInt nextPartNumberMarker) {
}
