package io.quarkiverse.alioss.emulator.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.alioss.emulator.auth.UriEncoding;
import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * PutSymlink and GetSymlink. A symlink is an object of type {@code Symlink} without bytes whose target (an object
 * name in the same bucket) is kept with its headers; GetObject and HeadObject of it answer the target.
 */
final class SymlinkHandlers {

    static final String TYPE = "Symlink";
    static final String TARGET_HEADER = "x-oss-symlink-target";

    private final ObjectStore store;
    private final Clock clock;

    SymlinkHandlers(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Future<Void> put(OssExchange ex, Bucket bucket) {
        String header = ex.header(TARGET_HEADER);
        if (header == null || header.isEmpty()) {
            throw OssError.invalidArgument("The x-oss-symlink-target header is required.", TARGET_HEADER, header);
        }
        // SDKs send the target URL-encoded
        String target = UriEncoding.decode(header, false);
        ObjectNames.check(target);
        if ("true".equalsIgnoreCase(ex.header("x-oss-forbid-overwrite")) && bucket.get(ex.key).isPresent()) {
            throw new OssError(409, "FileAlreadyExists", "The object you specified already exists and can not be "
                    + "overwritten.").with("Key", ex.key);
        }
        String acl = ObjectAttributeHandlers.acl(ex);
        Map<String, String> tags = ObjectAttributeHandlers.tags(ex);
        Map<String, String> headers = new LinkedHashMap<>(ObjectHeaders.storable(ex.request.headers()));
        headers.put(TARGET_HEADER, target);
        ex.discardUnreadBody();
        StoredObject link = new StoredObject(ex.key, store.storage().ofBuffer(Buffer.buffer()).blob(), 0,
                etag(target), null, 0, clock.instant(), TYPE, headers, acl == null ? StoredObject.DEFAULT_ACL : acl,
                tags);
        bucket.put(link);
        ex.response().putHeader("ETag", ObjectHeaders.quoted(link.etag()));
        return ex.sendEmpty(200);
    }

    Future<Void> get(OssExchange ex, Bucket bucket) {
        StoredObject link = bucket.get(ex.key).orElseThrow(() -> OssError.noSuchKey(ex.key));
        if (!isSymlink(link)) {
            throw new OssError(400, "NotSymlink", "The specified object is not a symlink.").with("Key", ex.key);
        }
        link.headers().forEach((name, value) -> {
            if (name.startsWith("x-oss-meta-") || name.equals("content-type")) {
                ex.response().putHeader(name, value);
            }
        });
        ex.response().putHeader(TARGET_HEADER, UriEncoding.encode(target(link), true))
                .putHeader("ETag", ObjectHeaders.quoted(link.etag()))
                .putHeader("Last-Modified", HttpDates.rfc1123(link.lastModified()));
        return ex.sendEmpty(200);
    }

    static boolean isSymlink(StoredObject object) {
        return TYPE.equals(object.objectType());
    }

    static String target(StoredObject link) {
        return link.headers().get(TARGET_HEADER);
    }

    /** The object a symlink points to, or 404 SymlinkTargetNotExist. */
    static StoredObject resolve(Bucket bucket, StoredObject link) {
        String target = target(link);
        return bucket.get(target).filter(o -> !isSymlink(o)).orElseThrow(() -> new OssError(404,
                "SymlinkTargetNotExist", "The symlink target object does not exist", "0026-00000012")
                .with("SymlinkTarget", target));
    }

    /** OSS documents a symlink's ETag as opaque; the emulator's is the MD5 of the target's name. */
    private static String etag(String target) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5")
                    .digest(target.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the JDK", e);
        }
    }
}
