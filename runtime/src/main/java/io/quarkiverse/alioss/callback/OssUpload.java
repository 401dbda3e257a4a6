package io.quarkiverse.alioss.callback;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What OSS reports about a finished upload: all 14 callback system variables, typed.
 * <p>
 * Strings OSS may leave empty ({@code etag}, {@code mimeType}, {@code clientIp}, {@code reqId}, {@code operation}) are
 * the empty string when OSS sent no value; values that are genuinely optional are {@link Optional}.
 *
 * @param bucket bucket name
 * @param object full object key
 * @param etag ETag without the surrounding quotes
 * @param size object size in bytes (whole object for multipart uploads)
 * @param mimeType the object's content type
 * @param imageInfo present for images only
 * @param crc64 CRC-64/ECMA of the object as an <em>unsigned</em> 64-bit value; see {@link #crc64AsString()}
 * @param contentMd5 Base64 MD5 of the content; empty for CompleteMultipartUpload
 * @param vpcId VPC of the client; empty when the upload did not come through a VPC
 * @param clientIp the uploader's IP address
 * @param reqId the upload request's ID ({@code x-oss-request-id})
 * @param operation API name, e.g. {@code PutObject}, {@code PostObject}, {@code CompleteMultipartUpload}
 */
public record OssUpload(String bucket, String object, String etag, long size, String mimeType,
        Optional<ImageInfo> imageInfo, long crc64, Optional<String> contentMd5, Optional<String> vpcId,
        String clientIp, String reqId, String operation) {

    /** The names of the 14 system variables, as written inside {@code ${...}} in a callback body template. */
    public static final List<String> SYSTEM_VARIABLES = List.of("bucket", "object", "etag", "size", "mimeType",
            "imageInfo.height", "imageInfo.width", "imageInfo.format", "crc64", "contentMd5", "vpcId", "clientIp",
            "reqId", "operation");

    public OssUpload {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(object, "object");
        etag = Objects.requireNonNullElse(etag, "");
        mimeType = Objects.requireNonNullElse(mimeType, "");
        imageInfo = Objects.requireNonNullElse(imageInfo, Optional.empty());
        contentMd5 = Objects.requireNonNullElse(contentMd5, Optional.<String> empty()).filter(s -> !s.isEmpty());
        vpcId = Objects.requireNonNullElse(vpcId, Optional.<String> empty()).filter(s -> !s.isEmpty());
        clientIp = Objects.requireNonNullElse(clientIp, "");
        reqId = Objects.requireNonNullElse(reqId, "");
        operation = Objects.requireNonNullElse(operation, "");
    }

    /** The CRC-64 in the decimal form OSS uses in {@code x-oss-hash-crc64ecma}. */
    public String crc64AsString() {
        return Long.toUnsignedString(crc64);
    }
}
