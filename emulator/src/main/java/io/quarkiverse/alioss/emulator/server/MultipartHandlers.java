package io.quarkiverse.alioss.emulator.server;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.w3c.dom.Element;

import io.quarkiverse.alioss.emulator.store.Blob;
import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.MultipartUpload;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.quarkiverse.alioss.emulator.store.UploadedPart;
import io.quarkiverse.alioss.emulator.xml.XmlRequestParser;
import io.quarkiverse.alioss.emulator.xml.XmlWriter;
import io.vertx.core.Future;

/** Initiate, UploadPart, Complete, Abort, ListParts and ListMultipartUploads. */
final class MultipartHandlers {

    static final long MIN_PART_SIZE = 102400;
    private static final int MAX_PART_NUMBER = 10000;

    private final ObjectStore store;
    private final Clock clock;
    private final UploadCompletion completion;

    MultipartHandlers(ObjectStore store, Clock clock, UploadCompletion completion) {
        this.store = store;
        this.clock = clock;
        this.completion = completion;
    }

    Future<Void> initiate(OssExchange ex, Bucket bucket) {
        MultipartUpload upload = new MultipartUpload(RequestIds.hex(32), ex.key, clock.instant(),
                ObjectHeaders.storable(ex.request.headers()));
        bucket.addUpload(upload);
        ex.discardUnreadBody();
        KeyEncoding encoding = new KeyEncoding(ex);
        return ex.sendXml(200, new XmlWriter().start("InitiateMultipartUploadResult")
                .element("Bucket", bucket.name())
                .element("Key", encoding.apply(ex.key))
                .element("UploadId", upload.uploadId())
                .element("EncodingType", encoding.typeElement()));
    }

    Future<Void> uploadPart(OssExchange ex, Bucket bucket) {
        int partNumber = parsePartNumber(ex.param("partNumber"));
        ObjectHandlers.checkDeclaredSize(ex);
        MultipartUpload upload = findUpload(ex, bucket);
        return store.storage().ingest(ex.request).compose(in -> {
            OssError digestError = ObjectHandlers.checkContentMd5(ex, in);
            if (digestError != null) {
                in.blob().release();
                return ex.fail(digestError);
            }
            upload.putPart(new UploadedPart(partNumber, in.blob(), in.size(), in.md5Hex(), in.crc64(),
                    clock.instant()));
            ex.response().putHeader("ETag", ObjectHeaders.quoted(in.md5Hex()))
                    .putHeader("x-oss-hash-crc64ecma", Crc64.toHeader(in.crc64()))
                    .putHeader("Content-MD5", in.md5Base64());
            return ex.sendEmpty(200);
        });
    }

    /**
     * UploadPartCopy: the part is {@code x-oss-copy-source-range} (else all) of an existing object. It shares that
     * object's bytes; its ETag is the MD5 of the copied range, as for an uploaded part.
     */
    Future<Void> uploadPartCopy(OssExchange ex, Bucket bucket) {
        int partNumber = parsePartNumber(ex.param("partNumber"));
        MultipartUpload upload = findUpload(ex, bucket);
        StoredObject source = ObjectHandlers.copySource(ex, store);
        String rangeHeader = ex.header("x-oss-copy-source-range");
        ByteRange range = ByteRange.parse(rangeHeader, source.size());
        if (range == ByteRange.UNSATISFIABLE) {
            throw new OssError(416, "InvalidRange", "The requested range cannot be satisfied")
                    .with("RangeRequested", rangeHeader)
                    .with("ActualObjectSize", String.valueOf(source.size()));
        }
        long start = range == null ? 0 : range.start();
        long length = range == null ? source.size() : range.length();
        ex.discardUnreadBody();
        return store.storage().slice(source.blob(), start, length).compose(in -> {
            UploadedPart part = new UploadedPart(partNumber, in.blob(), in.size(), in.md5Hex(), in.crc64(),
                    clock.instant());
            upload.putPart(part);
            return ex.sendXml(200, new XmlWriter().start("CopyPartResult")
                    .element("LastModified", HttpDates.iso(part.lastModified()))
                    .element("ETag", ObjectHeaders.quoted(part.etag())));
        });
    }

    Future<Void> complete(OssExchange ex, Bucket bucket) {
        MultipartUpload upload = findUpload(ex, bucket);
        UploadCompletion.Pending pending = completion.prepare(ex);
        boolean completeAll = "yes".equalsIgnoreCase(ex.header("x-oss-complete-all"));
        return SmallBody.read(ex.request, SmallBody.XML_LIMIT).compose(body -> {
            List<UploadedPart> parts = completeAll ? allParts(upload, body.length())
                    : listedParts(upload, body.getBytes());
            StoredObject object = assemble(ex.key, upload, parts);
            // the upload may have been completed concurrently; only the one that removes it stores its object
            if (bucket.removeUpload(upload.uploadId()).isEmpty()) {
                object.blob().release();
                throw OssError.noSuchUpload(upload.uploadId());
            }
            bucket.put(object);
            upload.releaseParts();
            KeyEncoding encoding = new KeyEncoding(ex);
            XmlWriter xml = new XmlWriter().start("CompleteMultipartUploadResult")
                    .element("EncodingType", encoding.typeElement())
                    .element("Location", "http://" + ex.hostId() + "/" + ex.key)
                    .element("Bucket", bucket.name())
                    .element("Key", encoding.apply(ex.key))
                    .element("ETag", ObjectHeaders.quoted(object.etag()));
            return pending.complete(bucket.name(), object, "CompleteMultipartUpload",
                    new UploadCompletion.DefaultReply(200, xml.toBuffer(), "application/xml"));
        });
    }

    private static List<UploadedPart> allParts(MultipartUpload upload, int bodyLength) {
        if (bodyLength > 0) {
            throw OssError.invalidArgument("The body must be empty when x-oss-complete-all is yes.",
                    "x-oss-complete-all", "yes");
        }
        return new ArrayList<>(upload.parts().values());
    }

    private static List<UploadedPart> listedParts(MultipartUpload upload, byte[] body) {
        Element root = XmlRequestParser.parse(body);
        if (root == null || !root.getTagName().equals("CompleteMultipartUpload")) {
            throw OssError.malformedXml();
        }
        List<UploadedPart> parts = new ArrayList<>();
        int previous = 0;
        for (Element partElement : XmlRequestParser.children(root, "Part")) {
            String numberText = XmlRequestParser.childText(partElement, "PartNumber");
            String etag = XmlRequestParser.childText(partElement, "ETag");
            if (numberText == null || etag == null) {
                throw OssError.malformedXml();
            }
            int number = parsePartNumber(numberText);
            if (number <= previous) {
                throw new OssError(400, "InvalidPartOrder", "The list of parts was not in ascending order.");
            }
            previous = number;
            UploadedPart part = upload.parts().get(number);
            if (part == null || !part.etag().equals(ObjectHeaders.unquoted(etag))) {
                throw new OssError(400, "InvalidPart", "One or more of the specified parts could not be found or "
                        + "the specified entity tag might not have matched the part's entity tag.")
                        .with("PartNumber", numberText).with("ETag", etag);
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw OssError.malformedXml();
        }
        return parts;
    }

    private StoredObject assemble(String key, MultipartUpload upload, List<UploadedPart> parts) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the JDK", e);
        }
        long crc = 0;
        long size = 0;
        List<Blob> blobs = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            UploadedPart part = parts.get(i);
            if (i < parts.size() - 1 && part.size() < MIN_PART_SIZE) {
                throw new OssError(400, "EntityTooSmall",
                        "Your proposed upload smaller than the minimum allowed size.")
                        .with("PartNumber", String.valueOf(part.partNumber()))
                        .with("MinSizeAllowed", String.valueOf(MIN_PART_SIZE));
            }
            md5.update(HexFormat.of().parseHex(part.etag()));
            crc = Crc64.combine(crc, part.crc64(), part.size());
            size += part.size();
            blobs.add(part.blob());
        }
        // S3-style multipart ETag: MD5 of the parts' binary MD5s, then "-<count>"
        String etag = HexFormat.of().withUpperCase().formatHex(md5.digest()) + "-" + parts.size();
        return new StoredObject(key, store.storage().concat(blobs), size, etag, null, crc, clock.instant(),
                "Multipart", upload.headers());
    }

    Future<Void> abort(OssExchange ex, Bucket bucket) {
        MultipartUpload upload = bucket.removeUpload(ex.param("uploadId"))
                .orElseThrow(() -> OssError.noSuchUpload(ex.param("uploadId")));
        upload.releaseParts();
        return ex.sendEmpty(204);
    }

    Future<Void> listParts(OssExchange ex, Bucket bucket) {
        MultipartUpload upload = findUpload(ex, bucket);
        int maxParts = boundedInt(ex.param("max-parts"), 1000, 1000, "max-parts");
        int marker = ex.param("part-number-marker") == null ? 0
                : boundedInt(ex.param("part-number-marker"), 0, MAX_PART_NUMBER, "part-number-marker");
        KeyEncoding encoding = new KeyEncoding(ex);
        XmlWriter xml = new XmlWriter().start("ListPartsResult")
                .element("Bucket", bucket.name())
                .element("EncodingType", encoding.typeElement())
                .element("Key", encoding.apply(upload.key()))
                .element("UploadId", upload.uploadId())
                .element("StorageClass", "Standard")
                .element("PartNumberMarker", marker);
        List<UploadedPart> page = new ArrayList<>();
        boolean truncated = false;
        for (UploadedPart part : upload.parts().tailMap(marker, false).values()) {
            if (page.size() == maxParts) {
                truncated = true;
                break;
            }
            page.add(part);
        }
        xml.element("NextPartNumberMarker", page.isEmpty() ? marker : page.get(page.size() - 1).partNumber())
                .element("MaxParts", maxParts)
                .element("IsTruncated", truncated);
        for (UploadedPart part : page) {
            xml.start("Part")
                    .element("PartNumber", part.partNumber())
                    .element("LastModified", HttpDates.iso(part.lastModified()))
                    .element("ETag", ObjectHeaders.quoted(part.etag()))
                    .element("HashCrc64ecma", Crc64.toHeader(part.crc64()))
                    .element("Size", part.size())
                    .end();
        }
        return ex.sendXml(200, xml);
    }

    Future<Void> listUploads(OssExchange ex, Bucket bucket) {
        String prefix = ex.param("prefix") == null ? "" : ex.param("prefix");
        String keyMarker = ex.param("key-marker") == null ? "" : ex.param("key-marker");
        String uploadIdMarker = ex.param("upload-id-marker") == null ? "" : ex.param("upload-id-marker");
        String delimiter = ex.param("delimiter");
        int maxUploads = boundedInt(ex.param("max-uploads"), 1000, 1000, "max-uploads");
        KeyEncoding encoding = new KeyEncoding(ex);
        UploadListing page = UploadListing.of(bucket.uploads(), prefix, delimiter, keyMarker, uploadIdMarker,
                maxUploads);
        XmlWriter xml = new XmlWriter().start("ListMultipartUploadsResult")
                .element("Bucket", bucket.name())
                .element("EncodingType", encoding.typeElement())
                .element("KeyMarker", encoding.apply(keyMarker))
                .element("UploadIdMarker", uploadIdMarker)
                .element("NextKeyMarker", encoding.apply(page.nextKeyMarker()))
                .element("NextUploadIdMarker", page.nextUploadIdMarker())
                .element("Delimiter", encoding.apply(delimiter == null ? "" : delimiter))
                .element("Prefix", encoding.apply(prefix))
                .element("MaxUploads", maxUploads)
                .element("IsTruncated", page.truncated());
        for (MultipartUpload upload : page.uploads()) {
            xml.start("Upload")
                    .element("Key", encoding.apply(upload.key()))
                    .element("UploadId", upload.uploadId())
                    .element("StorageClass", "Standard")
                    .element("Initiated", HttpDates.iso(upload.initiated()))
                    .end();
        }
        for (String common : page.prefixes()) {
            xml.start("CommonPrefixes").element("Prefix", encoding.apply(common)).end();
        }
        return ex.sendXml(200, xml);
    }

    private static MultipartUpload findUpload(OssExchange ex, Bucket bucket) {
        String uploadId = ex.param("uploadId");
        MultipartUpload upload = bucket.upload(uploadId).orElseThrow(() -> OssError.noSuchUpload(uploadId));
        if (!upload.key().equals(ex.key)) {
            throw OssError.noSuchUpload(uploadId);
        }
        return upload;
    }

    private static int parsePartNumber(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // answered below
        }
        throw OssError.invalidArgument("Part number must be an integer between 1 and 10000, inclusive.",
                "partNumber", value);
    }

    static int boundedInt(String value, int defaultValue, int max, String name) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw OssError.invalidArgument(name + " must be an integer between 0 and " + max + ".", name, value);
    }
}
