package io.quarkiverse.alioss.model;

/** A started multipart upload (InitiateMultipartUpload result, or an entry of ListMultipartUploads). */
public record MultipartUpload(String key, String uploadId, String initiated) {
}
