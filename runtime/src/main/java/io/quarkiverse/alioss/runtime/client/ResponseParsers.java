package io.quarkiverse.alioss.runtime.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkiverse.alioss.model.CopyObjectResult;
import io.quarkiverse.alioss.model.ListMultipartUploadsResult;
import io.quarkiverse.alioss.model.ListObjectsPage;
import io.quarkiverse.alioss.model.ListPartsResult;
import io.quarkiverse.alioss.model.MultipartUpload;
import io.quarkiverse.alioss.model.ObjectSummary;
import io.quarkiverse.alioss.model.PartETag;

/**
 * Maps OSS's XML result documents to the public result types. Requests are sent with {@code encoding-type=url}
 * where OSS supports it, so keys and markers are URL-decoded here when the document says so.
 */
final class ResponseParsers {

    private ResponseParsers() {
    }

    static ListObjectsPage listObjects(byte[] xml) {
        XmlNode root = expect(xml, "ListBucketResult");
        boolean urlEncoded = isUrlEncoded(root);
        List<ObjectSummary> objects = new ArrayList<>();
        for (XmlNode contents : root.all("Contents")) {
            objects.add(new ObjectSummary(decode(contents.requiredText("Key"), urlEncoded),
                    ResponseHeaders.unquote(contents.childText("ETag").orElse(null)),
                    Long.parseLong(contents.childText("Size").orElse("0")),
                    ResponseHeaders.isoInstant(contents.childText("LastModified").orElse(null)),
                    contents.childText("StorageClass").orElse(null), contents.childText("Type").orElse(null)));
        }
        List<String> prefixes = new ArrayList<>();
        for (XmlNode common : root.all("CommonPrefixes")) {
            common.childText("Prefix").ifPresent(p -> prefixes.add(decode(p, urlEncoded)));
        }
        return new ListObjectsPage(List.copyOf(objects), List.copyOf(prefixes), truncated(root),
                root.childText("NextContinuationToken").map(t -> decode(t, urlEncoded)));
    }

    static MultipartUpload initiateMultipartUpload(byte[] xml) {
        XmlNode root = expect(xml, "InitiateMultipartUploadResult");
        return new MultipartUpload(decode(root.requiredText("Key"), isUrlEncoded(root)), root.requiredText("UploadId"),
                null);
    }

    /** ETag of a CompleteMultipartUploadResult, without quotes. */
    static String completeMultipartUploadEtag(byte[] xml) {
        return ResponseHeaders.unquote(expect(xml, "CompleteMultipartUploadResult").requiredText("ETag"));
    }

    static ListPartsResult listParts(byte[] xml) {
        XmlNode root = expect(xml, "ListPartsResult");
        List<PartETag> parts = new ArrayList<>();
        for (XmlNode part : root.all("Part")) {
            parts.add(new PartETag(Integer.parseInt(part.requiredText("PartNumber")),
                    ResponseHeaders.unquote(part.requiredText("ETag")),
                    Long.parseLong(part.childText("Size").orElse("-1")),
                    ResponseHeaders.optionalCrc64(part.childText("HashCrc64ecma").orElse(null))));
        }
        OptionalInt next = root.childText("NextPartNumberMarker").map(n -> OptionalInt.of(Integer.parseInt(n)))
                .orElse(OptionalInt.empty());
        return new ListPartsResult(decode(root.childText("Key").orElse(""), isUrlEncoded(root)),
                root.childText("UploadId").orElse(""), List.copyOf(parts), truncated(root), next);
    }

    static ListMultipartUploadsResult listMultipartUploads(byte[] xml) {
        XmlNode root = expect(xml, "ListMultipartUploadsResult");
        boolean urlEncoded = isUrlEncoded(root);
        List<MultipartUpload> uploads = new ArrayList<>();
        for (XmlNode upload : root.all("Upload")) {
            uploads.add(new MultipartUpload(decode(upload.requiredText("Key"), urlEncoded),
                    upload.requiredText("UploadId"), upload.childText("Initiated").orElse(null)));
        }
        return new ListMultipartUploadsResult(List.copyOf(uploads), truncated(root),
                root.childText("NextKeyMarker").map(k -> decode(k, urlEncoded)),
                root.childText("NextUploadIdMarker"));
    }

    static CopyObjectResult copyObject(byte[] xml, String requestId, Optional<String> versionId) {
        XmlNode root = expect(xml, "CopyObjectResult");
        return new CopyObjectResult(ResponseHeaders.unquote(root.childText("ETag").orElse(null)),
                root.childText("LastModified").orElse(null), requestId, versionId);
    }

    /** Keys OSS reports as deleted by DeleteMultipleObjects. */
    static List<String> deletedKeys(byte[] xml) {
        if (xml.length == 0) {
            return List.of();
        }
        XmlNode root = expect(xml, "DeleteResult");
        boolean urlEncoded = isUrlEncoded(root);
        List<String> keys = new ArrayList<>();
        for (XmlNode deleted : root.all("Deleted")) {
            deleted.childText("Key").ifPresent(k -> keys.add(decode(k, urlEncoded)));
        }
        return List.copyOf(keys);
    }

    private static XmlNode expect(byte[] xml, String rootName) {
        XmlNode root;
        try {
            root = XmlNode.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OSS returned a malformed <" + rootName + "> document: " + e.getMessage(),
                    e);
        }
        if (!root.name().equals(rootName)) {
            throw new IllegalArgumentException("Expected <" + rootName + "> from OSS but got <" + root.name() + ">");
        }
        return root;
    }

    private static boolean truncated(XmlNode root) {
        return root.childText("IsTruncated").map(Boolean::parseBoolean).orElse(false);
    }

    private static boolean isUrlEncoded(XmlNode root) {
        return root.childText("EncodingType").map("url"::equalsIgnoreCase).orElse(false);
    }

    private static String decode(String value, boolean urlEncoded) {
        return urlEncoded ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
    }
}
