package io.quarkiverse.alioss.model;

import java.util.List;
import java.util.Optional;

/** One page of ListMultipartUploads. */
public record ListMultipartUploadsResult(List<MultipartUpload> uploads, boolean truncated,
        Optional<String> nextKeyMarker, Optional<String> nextUploadIdMarker) {
}
