package io.quarkiverse.alioss.emulator.callback;

import io.quarkiverse.alioss.emulator.image.ImageInfo;

/**
 * What OSS knows about the stored object when it calls back (the 14 system variables).
 *
 * @param etag no quotes, uppercase hex
 * @param imageInfo null when not an image
 * @param crc64 unsigned decimal
 * @param contentMd5 "" for CompleteMultipartUpload
 * @param vpcId "" outside a VPC
 * @param operation "PutObject" | "PostObject" | "CompleteMultipartUpload"
 */
public record UploadFacts(String bucket, String object, String etag, long size,
        String mimeType, ImageInfo imageInfo, String crc64,
        String contentMd5, String vpcId, String clientIp,
        String reqId, String operation) {
}
