package io.quarkiverse.alioss.emulator.server;

import java.util.Locale;

/** The OSS operations the emulator answers; the name is what fault rules refer to. */
enum Operation {
    LIST_BUCKETS("ListBuckets"),
    PUT_BUCKET("PutBucket"),
    HEAD_BUCKET("HeadBucket"),
    GET_BUCKET_INFO("GetBucketInfo"),
    GET_BUCKET_ACL("GetBucketAcl"),
    LIST_OBJECTS("ListObjects"),
    LIST_OBJECTS_V2("ListObjectsV2"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads"),
    DELETE_MULTIPLE_OBJECTS("DeleteMultipleObjects"),
    POST_OBJECT("PostObject"),
    PUT_OBJECT("PutObject"),
    COPY_OBJECT("CopyObject"),
    GET_OBJECT("GetObject"),
    HEAD_OBJECT("HeadObject"),
    DELETE_OBJECT("DeleteObject"),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload"),
    UPLOAD_PART("UploadPart"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
    LIST_PARTS("ListParts");

    final String ossName;

    Operation(String ossName) {
        this.ossName = ossName;
    }

    /** Which operation a request is, or null when the emulator does not support it. */
    static Operation classify(OssExchange ex) {
        String method = ex.request.method().name();
        if (ex.bucket == null) {
            return method.equals("GET") ? LIST_BUCKETS : null;
        }
        if (ex.key == null) {
            return switch (method) {
                case "GET" -> ex.hasParam("bucketInfo") ? GET_BUCKET_INFO
                        : ex.hasParam("acl") ? GET_BUCKET_ACL
                                : ex.hasParam("uploads") ? LIST_MULTIPART_UPLOADS
                                        : "2".equals(ex.param("list-type")) ? LIST_OBJECTS_V2
                                                : onlyListParams(ex) ? LIST_OBJECTS : null;
                case "HEAD" -> HEAD_BUCKET;
                case "PUT" -> ex.query.isEmpty() ? PUT_BUCKET : null;
                case "POST" -> ex.hasParam("delete") ? DELETE_MULTIPLE_OBJECTS : isForm(ex) ? POST_OBJECT : null;
                default -> null;
            };
        }
        return switch (method) {
            case "PUT" -> ex.hasParam("uploadId") && ex.hasParam("partNumber") ? UPLOAD_PART
                    : ex.header("x-oss-copy-source") != null ? COPY_OBJECT : PUT_OBJECT;
            case "GET" -> ex.hasParam("uploadId") ? LIST_PARTS : GET_OBJECT;
            case "HEAD" -> HEAD_OBJECT;
            case "DELETE" -> ex.hasParam("uploadId") ? ABORT_MULTIPART_UPLOAD : DELETE_OBJECT;
            case "POST" -> ex.hasParam("uploads") ? INITIATE_MULTIPART_UPLOAD
                    : ex.hasParam("uploadId") ? COMPLETE_MULTIPART_UPLOAD : null;
            default -> null;
        };
    }

    /** A plain GET on a bucket is ListObjects unless it asks for a sub-resource we do not implement. */
    private static boolean onlyListParams(OssExchange ex) {
        for (var param : ex.query) {
            String name = param.getKey();
            if (!(name.equals("prefix") || name.equals("marker") || name.equals("delimiter")
                    || name.equals("max-keys") || name.equals("encoding-type") || name.startsWith("x-oss-")
                    || name.equals("OSSAccessKeyId") || name.equals("Expires") || name.equals("Signature")
                    || name.equals("security-token"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isForm(OssExchange ex) {
        String type = ex.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }
}
