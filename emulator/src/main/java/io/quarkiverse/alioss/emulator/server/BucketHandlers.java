package io.quarkiverse.alioss.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.w3c.dom.Element;

import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.quarkiverse.alioss.emulator.xml.XmlRequestParser;
import io.quarkiverse.alioss.emulator.xml.XmlWriter;
import io.vertx.core.Future;

/** Bucket-level operations: listings, bucket info, health checks, multi-delete, create. */
final class BucketHandlers {

    static final String OWNER_ID = "1000000000000000";
    private static final int DEFAULT_MAX_KEYS = 100;

    private final ObjectStore store;
    private final String region;

    BucketHandlers(ObjectStore store, String region) {
        this.store = store;
        this.region = region;
    }

    Future<Void> listObjectsV2(OssExchange ex, Bucket bucket) {
        KeyEncoding encoding = new KeyEncoding(ex);
        String token = ex.param("continuation-token");
        String startAfter = ex.param("start-after");
        // an empty token is no token: start-after then applies
        String marker = token != null && !token.isEmpty() ? decodeToken(token) : startAfter;
        int maxKeys = MultipartHandlers.boundedInt(ex.param("max-keys"), DEFAULT_MAX_KEYS, 1000, "max-keys");
        KeyListing page = KeyListing.of(bucket, ex.param("prefix"), ex.param("delimiter"), marker, maxKeys);
        boolean owner = "true".equals(ex.param("fetch-owner"));
        XmlWriter xml = new XmlWriter().start("ListBucketResult")
                .element("Name", bucket.name())
                .element("Prefix", encoding.apply(orEmpty(ex.param("prefix"))))
                .element("StartAfter", encoding.apply(startAfter))
                .element("ContinuationToken", token)
                .element("MaxKeys", maxKeys)
                .element("Delimiter", encoding.apply(orEmpty(ex.param("delimiter"))))
                .element("EncodingType", encoding.typeElement())
                .element("IsTruncated", page.truncated())
                .element("NextContinuationToken", page.truncated() ? encodeToken(page.nextMarker()) : null);
        writeEntries(xml, page, encoding, owner);
        xml.element("KeyCount", page.objects().size() + page.prefixes().size());
        return ex.sendXml(200, xml);
    }

    Future<Void> listObjectsV1(OssExchange ex, Bucket bucket) {
        KeyEncoding encoding = new KeyEncoding(ex);
        int maxKeys = MultipartHandlers.boundedInt(ex.param("max-keys"), DEFAULT_MAX_KEYS, 1000, "max-keys");
        KeyListing page = KeyListing.of(bucket, ex.param("prefix"), ex.param("delimiter"), ex.param("marker"),
                maxKeys);
        XmlWriter xml = new XmlWriter().start("ListBucketResult")
                .element("Name", bucket.name())
                .element("Prefix", encoding.apply(orEmpty(ex.param("prefix"))))
                .element("Marker", encoding.apply(orEmpty(ex.param("marker"))))
                .element("MaxKeys", maxKeys)
                .element("Delimiter", encoding.apply(orEmpty(ex.param("delimiter"))))
                .element("EncodingType", encoding.typeElement())
                .element("IsTruncated", page.truncated())
                .element("NextMarker", page.truncated() ? encoding.apply(page.nextMarker()) : null);
        writeEntries(xml, page, encoding, true);
        return ex.sendXml(200, xml);
    }

    private static void writeEntries(XmlWriter xml, KeyListing page, KeyEncoding encoding, boolean owner) {
        for (StoredObject object : page.objects()) {
            xml.start("Contents")
                    .element("Key", encoding.apply(object.key()))
                    .element("LastModified", HttpDates.iso(object.lastModified()))
                    .element("ETag", ObjectHeaders.quoted(object.etag()))
                    .element("Type", object.objectType())
                    .element("Size", object.size())
                    .element("StorageClass", "Standard");
            if (owner) {
                xml.start("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_ID).end();
            }
            xml.end();
        }
        for (String prefix : page.prefixes()) {
            xml.start("CommonPrefixes").element("Prefix", encoding.apply(prefix)).end();
        }
    }

    /** Continuation tokens are opaque to clients: Base64url of the last key listed. */
    private static String encodeToken(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OssError.invalidArgument("The continuation-token is not valid.", "continuation-token", token);
        }
    }

    Future<Void> bucketInfo(OssExchange ex, Bucket bucket) {
        String host = ex.request.authority() == null ? "localhost" : ex.request.authority().toString();
        XmlWriter xml = new XmlWriter().start("BucketInfo").start("Bucket")
                .element("AccessMonitor", "Disabled")
                .element("CreationDate", HttpDates.iso(bucket.created()))
                .element("CrossRegionReplication", "Disabled")
                .element("DataRedundancyType", "LRS")
                .element("ExtranetEndpoint", host)
                .element("IntranetEndpoint", host)
                .element("Location", "oss-" + region)
                .element("Name", bucket.name())
                .element("StorageClass", "Standard")
                .element("TransferAcceleration", "Disabled")
                .start("Owner").element("DisplayName", OWNER_ID).element("ID", OWNER_ID).end()
                .start("AccessControlList").element("Grant", "private").end()
                .start("ServerSideEncryptionRule").element("SSEAlgorithm", "None").end()
                .start("BucketPolicy").element("LogBucket", "").element("LogPrefix", "").end();
        return ex.sendXml(200, xml);
    }

    /**
     * Every emulator bucket is private. The SDK's doesBucketExist asks for the ACL and takes any answer other than
     * NoSuchBucket as "exists", so this must be answered, after the bucket lookup.
     */
    Future<Void> bucketAcl(OssExchange ex) {
        XmlWriter xml = new XmlWriter().start("AccessControlPolicy")
                .start("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_ID).end()
                .start("AccessControlList").element("Grant", "private").end();
        return ex.sendXml(200, xml);
    }

    Future<Void> listBuckets(OssExchange ex) {
        String host = ex.request.authority() == null ? "localhost" : ex.request.authority().toString();
        String prefix = ex.param("prefix") == null ? "" : ex.param("prefix");
        String marker = ex.param("marker") == null ? "" : ex.param("marker");
        int maxKeys = MultipartHandlers.boundedInt(ex.param("max-keys"), 1000, 1000, "max-keys");
        List<Bucket> page = new ArrayList<>();
        boolean truncated = false;
        for (Bucket bucket : store.buckets()) {
            if (bucket.name().startsWith(prefix) && bucket.name().compareTo(marker) > 0) {
                if (page.size() == maxKeys) {
                    truncated = true;
                    break;
                }
                page.add(bucket);
            }
        }
        XmlWriter xml = new XmlWriter().start("ListAllMyBucketsResult");
        // paging elements appear only when the request pages, as OSS sends them
        if (ex.param("prefix") != null || ex.param("marker") != null || ex.param("max-keys") != null) {
            xml.element("Prefix", prefix).element("Marker", marker).element("MaxKeys", maxKeys)
                    .element("IsTruncated", truncated)
                    .element("NextMarker", truncated ? page.get(page.size() - 1).name() : null);
        }
        xml.start("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_ID).end()
                .start("Buckets");
        for (Bucket bucket : page) {
            xml.start("Bucket")
                    .element("CreationDate", HttpDates.iso(bucket.created()))
                    .element("ExtranetEndpoint", host)
                    .element("IntranetEndpoint", host)
                    .element("Location", "oss-" + region)
                    .element("Name", bucket.name())
                    .element("Region", region)
                    .element("StorageClass", "Standard")
                    .end();
        }
        return ex.sendXml(200, xml);
    }

    Future<Void> createBucket(OssExchange ex) {
        store.createBucket(ex.bucket);
        ex.discardUnreadBody();
        ex.response().putHeader("Location", "/" + ex.bucket);
        return ex.sendEmpty(200);
    }

    /** OSS refuses to delete a bucket that still holds objects or multipart uploads. */
    Future<Void> deleteBucket(OssExchange ex, Bucket bucket) {
        ex.discardUnreadBody();
        if (!store.deleteBucketIfEmpty(bucket.name())) {
            return ex.fail(new OssError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.")
                    .with("BucketName", bucket.name()));
        }
        return ex.sendEmpty(204);
    }

    Future<Void> bucketLocation(OssExchange ex) {
        return ex.sendXml(200, new XmlWriter().element("LocationConstraint", "oss-" + region));
    }

    Future<Void> deleteMultiple(OssExchange ex, Bucket bucket) {
        return SmallBody.read(ex.request, SmallBody.XML_LIMIT).compose(body -> {
            Element root = XmlRequestParser.parse(body.getBytes());
            if (root == null || !root.getTagName().equals("Delete")) {
                throw OssError.malformedXml();
            }
            boolean quiet = "true".equalsIgnoreCase(XmlRequestParser.childText(root, "Quiet"));
            KeyEncoding encoding = new KeyEncoding(ex);
            XmlWriter xml = new XmlWriter().start("DeleteResult").element("EncodingType", encoding.typeElement());
            for (Element object : XmlRequestParser.children(root, "Object")) {
                String sent = XmlRequestParser.childRawText(object, "Key");
                if (sent == null) {
                    throw OssError.malformedXml();
                }
                String key = encoding.decode(sent);
                bucket.delete(key);
                if (!quiet) {
                    xml.start("Deleted").element("Key", encoding.apply(key)).end();
                }
            }
            return ex.sendXml(200, xml);
        });
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
