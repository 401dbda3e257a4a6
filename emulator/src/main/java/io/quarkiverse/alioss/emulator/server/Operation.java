package io.quarkiverse.alioss.emulator.server;

/** The OSS operations the emulator answers; the name is what fault rules refer to. */
enum Operation {
    LIST_BUCKETS("ListBuckets"),
    PUT_BUCKET("PutBucket"),
    DELETE_BUCKET("DeleteBucket"),
    HEAD_BUCKET("HeadBucket"),
    GET_BUCKET_INFO("GetBucketInfo"),
    GET_BUCKET_ACL("GetBucketAcl"),
    GET_BUCKET_LOCATION("GetBucketLocation"),
    LIST_OBJECTS("ListObjects"),
    LIST_OBJECTS_V2("ListObjectsV2"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads"),
    DELETE_MULTIPLE_OBJECTS("DeleteMultipleObjects"),
    POST_OBJECT("PostObject"),
    PUT_OBJECT("PutObject"),
    COPY_OBJECT("CopyObject"),
    GET_OBJECT("GetObject"),
    HEAD_OBJECT("HeadObject"),
    GET_OBJECT_META("GetObjectMeta"),
    PUT_OBJECT_ACL("PutObjectACL"),
    GET_OBJECT_ACL("GetObjectACL"),
    PUT_OBJECT_TAGGING("PutObjectTagging"),
    GET_OBJECT_TAGGING("GetObjectTagging"),
    DELETE_OBJECT_TAGGING("DeleteObjectTagging"),
    DELETE_OBJECT("DeleteObject"),
    APPEND_OBJECT("AppendObject"),
    PUT_SYMLINK("PutSymlink"),
    GET_SYMLINK("GetSymlink"),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload"),
    UPLOAD_PART("UploadPart"),
    UPLOAD_PART_COPY("UploadPartCopy"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
    LIST_PARTS("ListParts");

    final String ossName;

    Operation(String ossName) {
        this.ossName = ossName;
    }
}
