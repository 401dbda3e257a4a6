package io.quarkiverse.alioss.runtime.client;

/**
 * The OSS API operations the client sends, with their HTTP method. {@link #apiName} is the name OSS documents, and the
 * {@code operation} tag of the client metrics.
 */
enum OssOperation {
    PUT_OBJECT("PutObject", "PUT"),
    /** Not retried: an attempt OSS carried out but could not answer would make the next one fail at its position. */
    APPEND_OBJECT("AppendObject", "POST", false),
    GET_OBJECT("GetObject", "GET"),
    HEAD_OBJECT("HeadObject", "HEAD"),
    DELETE_OBJECT("DeleteObject", "DELETE"),
    DELETE_MULTIPLE_OBJECTS("DeleteMultipleObjects", "POST"),
    COPY_OBJECT("CopyObject", "PUT"),
    LIST_OBJECTS_V2("ListObjectsV2", "GET"),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload", "POST"),
    UPLOAD_PART("UploadPart", "PUT"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", "POST"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", "DELETE"),
    LIST_PARTS("ListParts", "GET"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads", "GET"),
    GET_BUCKET_INFO("GetBucketInfo", "GET");

    final String apiName;
    final String method;
    /** Whether a failed attempt may be sent again. */
    final boolean retryable;

    OssOperation(String apiName, String method) {
        this(apiName, method, true);
    }

    OssOperation(String apiName, String method, boolean retryable) {
        this.apiName = apiName;
        this.method = method;
        this.retryable = retryable;
    }
}
