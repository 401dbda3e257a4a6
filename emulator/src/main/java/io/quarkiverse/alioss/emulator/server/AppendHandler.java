package io.quarkiverse.alioss.emulator.server;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.Ingested;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.vertx.core.Future;

/**
 * AppendObject ({@code POST /key?append&position=N}): the first append (position 0) creates an Appendable object,
 * each further one must name the object's current length. The object's bytes are the appended blobs back to back,
 * its CRC-64 combined from theirs, so an append never re-reads what is already stored.
 */
final class AppendHandler {

    static final String NEXT_POSITION = "x-oss-next-append-position";
    static final String APPENDABLE = "Appendable";

    private final ObjectStore store;
    private final Clock clock;

    AppendHandler(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Future<Void> append(OssExchange ex, Bucket bucket) {
        long position = position(ex);
        ObjectHandlers.checkDeclaredSize(ex);
        StoredObject current = bucket.get(ex.key).orElse(null);
        checkAppendable(ex, current, position);
        // the headers of the request that creates the object are its headers; later appends only add bytes
        String acl = current == null ? ObjectAttributeHandlers.acl(ex) : null;
        Map<String, String> tags = current == null ? ObjectAttributeHandlers.tags(ex) : null;
        Map<String, String> headers = current == null ? ObjectHeaders.storable(ex.request.headers()) : null;
        return store.storage().ingest(ex.request).compose(in -> {
            OssError digestError = ObjectHandlers.checkContentMd5(ex, in);
            if (digestError != null) {
                in.blob().release();
                return ex.fail(digestError);
            }
            StoredObject appended = current == null
                    ? create(ex.key, in, headers, acl == null ? StoredObject.DEFAULT_ACL : acl, tags)
                    : extend(current, in);
            boolean stored = current == null ? bucket.putIfAbsent(appended) : bucket.replace(current, appended);
            if (!stored) {
                // another append (or upload) of this key came first
                appended.blob().release();
                checkAppendable(ex, bucket.get(ex.key).orElse(null), position);
                throw positionNotEqualToLength();
            }
            if (current != null) {
                current.blob().release();
            }
            ex.response().putHeader(NEXT_POSITION, String.valueOf(appended.size()))
                    .putHeader("x-oss-hash-crc64ecma", Crc64.toHeader(appended.crc64()))
                    .putHeader("ETag", ObjectHeaders.quoted(appended.etag()));
            return ex.sendEmpty(200);
        });
    }

    private StoredObject create(String key, Ingested in, Map<String, String> headers, String acl,
            Map<String, String> tags) {
        return new StoredObject(key, in.blob(), in.size(), etag(in.crc64(), in.size()), null, in.crc64(),
                clock.instant(), APPENDABLE, headers, acl, tags);
    }

    private StoredObject extend(StoredObject current, Ingested in) {
        var blob = store.storage().append(current.blob(), in.blob());
        // the combined blob holds its own reference to the new bytes
        in.blob().release();
        long size = current.size() + in.size();
        long crc = Crc64.combine(current.crc64(), in.crc64(), in.size());
        return new StoredObject(current.key(), blob, size, etag(crc, size), null, crc, clock.instant(), APPENDABLE,
                current.headers(), current.acl(), current.tags());
    }

    /**
     * OSS documents an Appendable object's ETag only as not being the MD5 of its bytes; the emulator's is 32 hex
     * digits from the CRC-64 and the length, so it changes with every append.
     */
    private static String etag(long crc, long size) {
        return String.format(Locale.ROOT, "%016X%016X", crc, size);
    }

    private static long position(OssExchange ex) {
        String value = ex.param("position");
        if (value == null) {
            throw new OssError(400, "MissingArgument", "Missing Some Required Arguments.", "0016-00000501")
                    .with("ArgumentName", "position");
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw OssError.invalidArgument("Position must be a non-negative integer.", "position", value);
    }

    /** 409 ObjectNotAppendable for an object of another type, 409 PositionNotEqualToLength for a wrong position. */
    private static void checkAppendable(OssExchange ex, StoredObject object, long position) {
        if (object != null && !object.objectType().equals(APPENDABLE)) {
            throw new OssError(409, "ObjectNotAppendable", "The object is not appendable", "0026-00000017");
        }
        long length = object == null ? 0 : object.size();
        if (position != length) {
            ex.response().putHeader(NEXT_POSITION, String.valueOf(length));
            throw positionNotEqualToLength();
        }
    }

    private static OssError positionNotEqualToLength() {
        return new OssError(409, "PositionNotEqualToLength", "Position is not equal to file length",
                "0026-00000016");
    }
}
