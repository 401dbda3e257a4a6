package io.quarkiverse.alioss.emulator.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.w3c.dom.Element;

import io.quarkiverse.alioss.emulator.auth.UriEncoding;
import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.quarkiverse.alioss.emulator.xml.XmlRequestParser;
import io.quarkiverse.alioss.emulator.xml.XmlWriter;
import io.vertx.core.Future;

/** Object ACL and object tagging: Put/GetObjectACL, Put/Get/DeleteObjectTagging, and their upload headers. */
final class ObjectAttributeHandlers {

    static final Set<String> ACLS = Set.of(StoredObject.DEFAULT_ACL, "private", "public-read", "public-read-write");
    private static final int MAX_TAGS = 10;

    Future<Void> putAcl(OssExchange ex, Bucket bucket) {
        String acl = acl(ex);
        if (acl == null) {
            throw OssError.invalidArgument("The x-oss-object-acl header is required.", "x-oss-object-acl", null);
        }
        ex.discardUnreadBody();
        change(ex, bucket, object -> object.withAcl(acl));
        return ex.sendEmpty(200);
    }

    Future<Void> getAcl(OssExchange ex, Bucket bucket) {
        StoredObject object = find(ex, bucket);
        return ex.sendXml(200, new XmlWriter().start("AccessControlPolicy")
                .start("Owner").element("ID", BucketHandlers.OWNER_ID)
                .element("DisplayName", BucketHandlers.OWNER_ID).end()
                .start("AccessControlList").element("Grant", object.acl()).end());
    }

    Future<Void> putTagging(OssExchange ex, Bucket bucket) {
        return SmallBody.read(ex.request, SmallBody.XML_LIMIT).compose(body -> {
            Element root = XmlRequestParser.parse(body.getBytes());
            Element tagSet = root == null || !root.getTagName().equals("Tagging") ? null
                    : XmlRequestParser.children(root, "TagSet").stream().findFirst().orElse(null);
            if (tagSet == null) {
                throw OssError.malformedXml();
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (Element tag : XmlRequestParser.children(tagSet, "Tag")) {
                String key = XmlRequestParser.childRawText(tag, "Key");
                String value = XmlRequestParser.childRawText(tag, "Value");
                tags.put(key, value == null ? "" : value);
            }
            checkTags(tags);
            change(ex, bucket, object -> object.withTags(tags));
            return ex.sendEmpty(200);
        });
    }

    Future<Void> getTagging(OssExchange ex, Bucket bucket) {
        StoredObject object = find(ex, bucket);
        XmlWriter xml = new XmlWriter().start("Tagging").start("TagSet");
        object.tags().forEach((key, value) -> xml.start("Tag").element("Key", key).element("Value", value).end());
        return ex.sendXml(200, xml);
    }

    Future<Void> deleteTagging(OssExchange ex, Bucket bucket) {
        ex.discardUnreadBody();
        change(ex, bucket, object -> object.withTags(Map.of()));
        return ex.sendEmpty(204);
    }

    /** The {@code x-oss-object-acl} header, checked, or null when absent. */
    static String acl(OssExchange ex) {
        String acl = ex.header("x-oss-object-acl");
        if (acl != null && !ACLS.contains(acl)) {
            throw OssError.invalidArgument("no such object access control exists", "x-oss-object-acl", acl);
        }
        return acl;
    }

    /** The {@code x-oss-tagging} header ({@code k1=v1&k2=v2}, URL-encoded), checked; empty when absent. */
    static Map<String, String> tags(OssExchange ex) {
        String header = ex.header("x-oss-tagging");
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            int eq = pair.indexOf('=');
            String key = UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            tags.put(key, eq < 0 ? "" : UriEncoding.decode(pair.substring(eq + 1), true));
        }
        checkTags(tags);
        return tags;
    }

    /** OSS's limits: at most 10 tags, keys of 1 to 128 characters, values of at most 256. */
    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw OssError.invalidArgument("Object tags cannot be greater than 10.", "Tagging", null);
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw OssError.invalidArgument("The tag key must be 1 to 128 characters and the value at most 256.",
                        "Tagging", key);
            }
        });
    }

    private static StoredObject find(OssExchange ex, Bucket bucket) {
        return bucket.get(ex.key).orElseThrow(() -> OssError.noSuchKey(ex.key));
    }

    private static void change(OssExchange ex, Bucket bucket, UnaryOperator<StoredObject> change) {
        while (true) {
            StoredObject current = find(ex, bucket);
            if (bucket.replace(current, change.apply(current))) {
                return;
            }
        }
    }
}
