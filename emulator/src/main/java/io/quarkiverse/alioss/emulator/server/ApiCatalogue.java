package io.quarkiverse.alioss.emulator.server;

import static io.quarkiverse.alioss.emulator.server.ApiOperation.Condition.COPY_SOURCE;
import static io.quarkiverse.alioss.emulator.server.ApiOperation.Condition.FORM;
import static io.quarkiverse.alioss.emulator.server.ApiOperation.Condition.LIST_TYPE_2;
import static io.quarkiverse.alioss.emulator.server.ApiOperation.Scope.BUCKET;
import static io.quarkiverse.alioss.emulator.server.ApiOperation.Scope.OBJECT;
import static io.quarkiverse.alioss.emulator.server.ApiOperation.Scope.SERVICE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkiverse.alioss.emulator.server.ApiOperation.Condition;
import io.quarkiverse.alioss.emulator.server.ApiOperation.Scope;

/**
 * Every OSS bucket and object operation (OSS API reference), each mapped to the emulator's implementation or to none.
 * Knowing the operations it does not implement is what lets the emulator refuse them instead of mistaking, say,
 * {@code PUT /key?acl} for a PutObject that overwrites the object with the ACL document.
 * <p>
 * Order matters where entries share scope, method and sub-resource: the one with a condition comes first.
 */
final class ApiCatalogue {

    static final List<ApiOperation> OPERATIONS;
    /** Query parameters that select an operation; any other parameter only qualifies the one selected. */
    static final Set<String> SUB_RESOURCES;

    static {
        List<ApiOperation> ops = new ArrayList<>();
        // service
        ops.add(op("ListBuckets", SERVICE, "GET", null, Operation.LIST_BUCKETS));
        ops.add(op("DescribeRegions", SERVICE, "GET", "regions", null));
        // bucket: basics
        ops.add(op("PutBucket", BUCKET, "PUT", null, Operation.PUT_BUCKET));
        ops.add(op("DeleteBucket", BUCKET, "DELETE", null, Operation.DELETE_BUCKET));
        ops.add(op("HeadBucket", BUCKET, "HEAD", null, Operation.HEAD_BUCKET));
        ops.add(new ApiOperation("ListObjectsV2", BUCKET, "GET", null, LIST_TYPE_2, Operation.LIST_OBJECTS_V2));
        ops.add(op("ListObjects", BUCKET, "GET", null, Operation.LIST_OBJECTS));
        ops.add(new ApiOperation("PostObject", BUCKET, "POST", null, FORM, Operation.POST_OBJECT));
        ops.add(op("GetBucketInfo", BUCKET, "GET", "bucketInfo", Operation.GET_BUCKET_INFO));
        ops.add(op("GetBucketLocation", BUCKET, "GET", "location", Operation.GET_BUCKET_LOCATION));
        ops.add(op("GetBucketStat", BUCKET, "GET", "stat", null));
        ops.add(op("PutBucketAcl", BUCKET, "PUT", "acl", null));
        ops.add(op("GetBucketAcl", BUCKET, "GET", "acl", Operation.GET_BUCKET_ACL));
        ops.add(op("ListMultipartUploads", BUCKET, "GET", "uploads", Operation.LIST_MULTIPART_UPLOADS));
        ops.add(op("DeleteMultipleObjects", BUCKET, "POST", "delete", Operation.DELETE_MULTIPLE_OBJECTS));
        // bucket: configuration the emulator does not keep
        putGetDelete(ops, "BucketLifecycle", "lifecycle");
        putGet(ops, "BucketVersioning", "versioning");
        ops.add(op("ListObjectVersions", BUCKET, "GET", "versions", null));
        ops.add(op("PutBucketReplication, DeleteBucketReplication", BUCKET, "POST", "replication", null));
        ops.add(op("GetBucketReplication", BUCKET, "GET", "replication", null));
        ops.add(op("GetBucketReplicationLocation", BUCKET, "GET", "replicationLocation", null));
        ops.add(op("GetBucketReplicationProgress", BUCKET, "GET", "replicationProgress", null));
        putGetDelete(ops, "BucketPolicy", "policy");
        ops.add(op("GetBucketPolicyStatus", BUCKET, "GET", "policyStatus", null));
        ops.add(op("PutBucketInventory", BUCKET, "PUT", "inventory", null));
        ops.add(op("GetBucketInventory, ListBucketInventory", BUCKET, "GET", "inventory", null));
        ops.add(op("DeleteBucketInventory", BUCKET, "DELETE", "inventory", null));
        putGetDelete(ops, "BucketLogging", "logging");
        putGetDelete(ops, "BucketWebsite", "website");
        putGet(ops, "BucketReferer", "referer");
        ops.add(op("PutBucketTags", BUCKET, "PUT", "tagging", null));
        ops.add(op("GetBucketTags", BUCKET, "GET", "tagging", null));
        ops.add(op("DeleteBucketTags", BUCKET, "DELETE", "tagging", null));
        putGetDelete(ops, "BucketEncryption", "encryption");
        putGet(ops, "BucketRequestPayment", "requestPayment");
        putGetDelete(ops, "BucketCors", "cors");
        ops.add(op("InitiateBucketWorm", BUCKET, "POST", "worm", null));
        ops.add(op("AbortBucketWorm", BUCKET, "DELETE", "worm", null));
        ops.add(op("GetBucketWorm", BUCKET, "GET", "worm", null));
        ops.add(op("CompleteBucketWorm", BUCKET, "POST", "wormId", null));
        ops.add(op("ExtendBucketWorm", BUCKET, "POST", "wormExtend", null));
        putGet(ops, "BucketTransferAcceleration", "transferAcceleration");
        putGet(ops, "BucketResourceGroup", "resourceGroup");
        putGet(ops, "BucketHttpsConfig", "httpsConfig");
        putGetDelete(ops, "BucketPublicAccessBlock", "publicAccessBlock");
        putGet(ops, "BucketArchiveDirectRead", "bucketArchiveDirectRead");
        putGet(ops, "BucketAccessMonitor", "accessmonitor");
        putGetDelete(ops, "BucketQoSInfo", "qosInfo");
        putGetDelete(ops, "BucketOverwriteConfig", "overwriteConfig");
        putGetDelete(ops, "BucketResponseHeader", "responseHeader");
        ops.add(op("OpenMetaQuery, DoMetaQuery, CloseMetaQuery", BUCKET, "POST", "metaQuery", null));
        ops.add(op("GetMetaQueryStatus", BUCKET, "GET", "metaQuery", null));
        ops.add(op("CreateBucketDataRedundancyTransition", BUCKET, "POST", "redundancyTransition", null));
        ops.add(op("GetBucketDataRedundancyTransition", BUCKET, "GET", "redundancyTransition", null));
        ops.add(op("DeleteBucketDataRedundancyTransition", BUCKET, "DELETE", "redundancyTransition", null));
        ops.add(op("CreateAccessPoint", BUCKET, "PUT", "accessPoint", null));
        ops.add(op("GetAccessPoint, ListAccessPoints", BUCKET, "GET", "accessPoint", null));
        ops.add(op("DeleteAccessPoint", BUCKET, "DELETE", "accessPoint", null));
        putGetDelete(ops, "AccessPointPolicy", "accessPointPolicy");
        ops.add(op("PutStyle", BUCKET, "PUT", "style", null));
        ops.add(op("GetStyle, ListStyle", BUCKET, "GET", "style", null));
        ops.add(op("DeleteStyle", BUCKET, "DELETE", "style", null));
        ops.add(op("CreateCnameToken, PutCname, DeleteCname", BUCKET, "POST", "cname", null));
        ops.add(op("GetCnameToken, ListCname", BUCKET, "GET", "cname", null));
        ops.add(op("PutAsyncFetchTask", BUCKET, "POST", "asyncFetch", null));
        ops.add(op("GetAsyncFetchTask", BUCKET, "GET", "asyncFetch", null));
        ops.add(op("ListLiveChannel", BUCKET, "GET", "live", null));
        // object: basics
        ops.add(new ApiOperation("CopyObject", OBJECT, "PUT", null, COPY_SOURCE, Operation.COPY_OBJECT));
        ops.add(op("PutObject", OBJECT, "PUT", null, Operation.PUT_OBJECT));
        ops.add(op("GetObject", OBJECT, "GET", null, Operation.GET_OBJECT));
        ops.add(op("HeadObject", OBJECT, "HEAD", null, Operation.HEAD_OBJECT));
        ops.add(op("DeleteObject", OBJECT, "DELETE", null, Operation.DELETE_OBJECT));
        ops.add(op("GetObjectMeta", OBJECT, "HEAD", "objectMeta", Operation.GET_OBJECT_META));
        ops.add(op("AppendObject", OBJECT, "POST", "append", Operation.APPEND_OBJECT));
        ops.add(op("SealAppendObject", OBJECT, "POST", "seal", null));
        ops.add(op("PutObjectACL", OBJECT, "PUT", "acl", Operation.PUT_OBJECT_ACL));
        ops.add(op("GetObjectACL", OBJECT, "GET", "acl", Operation.GET_OBJECT_ACL));
        ops.add(op("PutSymlink", OBJECT, "PUT", "symlink", Operation.PUT_SYMLINK));
        ops.add(op("GetSymlink", OBJECT, "GET", "symlink", Operation.GET_SYMLINK));
        ops.add(op("PutObjectTagging", OBJECT, "PUT", "tagging", Operation.PUT_OBJECT_TAGGING));
        ops.add(op("GetObjectTagging", OBJECT, "GET", "tagging", Operation.GET_OBJECT_TAGGING));
        ops.add(op("DeleteObjectTagging", OBJECT, "DELETE", "tagging", Operation.DELETE_OBJECT_TAGGING));
        ops.add(op("RestoreObject", OBJECT, "POST", "restore", null));
        ops.add(op("CleanRestoredObject", OBJECT, "POST", "cleanRestoredObject", null));
        ops.add(op("GetObject of a version", OBJECT, "GET", "versionId", null));
        ops.add(op("HeadObject of a version", OBJECT, "HEAD", "versionId", null));
        ops.add(op("DeleteObject of a version", OBJECT, "DELETE", "versionId", null));
        ops.add(op("ImageProcess (GetObject with x-oss-process)", OBJECT, "GET", "x-oss-process", null));
        ops.add(op("SelectObject, CreateSelectObjectMeta, ImageProcess (save as)", OBJECT, "POST", "x-oss-process",
                null));
        ops.add(op("AsyncProcessObject", OBJECT, "POST", "x-oss-async-process", null));
        ops.add(op("WriteGetObjectResponse", OBJECT, "POST", "x-oss-write-get-object-response", null));
        ops.add(op("CreateDirectory", OBJECT, "POST", "x-oss-dir", null));
        ops.add(op("Rename", OBJECT, "POST", "x-oss-rename", null));
        ops.add(op("DeleteDirectory", OBJECT, "POST", "x-oss-delete", null));
        // object: multipart
        ops.add(op("InitiateMultipartUpload", OBJECT, "POST", "uploads", Operation.INITIATE_MULTIPART_UPLOAD));
        ops.add(new ApiOperation("UploadPartCopy", OBJECT, "PUT", "uploadId", COPY_SOURCE, Operation.UPLOAD_PART_COPY));
        ops.add(op("UploadPart", OBJECT, "PUT", "uploadId", Operation.UPLOAD_PART));
        ops.add(op("CompleteMultipartUpload", OBJECT, "POST", "uploadId", Operation.COMPLETE_MULTIPART_UPLOAD));
        ops.add(op("AbortMultipartUpload", OBJECT, "DELETE", "uploadId", Operation.ABORT_MULTIPART_UPLOAD));
        ops.add(op("ListParts", OBJECT, "GET", "uploadId", Operation.LIST_PARTS));
        // object: live channels (the channel name takes the key's place)
        ops.add(op("PutLiveChannel, PutLiveChannelStatus", OBJECT, "PUT", "live", null));
        ops.add(op("GetLiveChannelInfo, GetLiveChannelStat, GetLiveChannelHistory", OBJECT, "GET", "live", null));
        ops.add(op("DeleteLiveChannel", OBJECT, "DELETE", "live", null));
        ops.add(op("PostVodPlaylist", OBJECT, "POST", "vod", null));
        ops.add(op("GetVodPlaylist", OBJECT, "GET", "vod", null));
        OPERATIONS = Collections.unmodifiableList(ops);
        Set<String> subResources = new LinkedHashSet<>();
        ops.forEach(o -> {
            if (o.subResource() != null) {
                subResources.add(o.subResource());
            }
        });
        SUB_RESOURCES = Collections.unmodifiableSet(subResources);
    }

    private ApiCatalogue() {
    }

    private static ApiOperation op(String name, Scope scope, String method, String subResource,
            Operation implementation) {
        return new ApiOperation(name, scope, method, subResource, Condition.NONE, implementation);
    }

    /** Put, Get and Delete of a bucket configuration the emulator does not keep. */
    private static void putGetDelete(List<ApiOperation> ops, String what, String subResource) {
        putGet(ops, what, subResource);
        ops.add(op("Delete" + what, BUCKET, "DELETE", subResource, null));
    }

    private static void putGet(List<ApiOperation> ops, String what, String subResource) {
        ops.add(op("Put" + what, BUCKET, "PUT", subResource, null));
        ops.add(op("Get" + what, BUCKET, "GET", subResource, null));
    }
}
