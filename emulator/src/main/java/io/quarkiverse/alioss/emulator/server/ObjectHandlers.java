package io.quarkiverse.alioss.emulator.server;

import java.time.Clock;
import java.util.Map;

import io.quarkiverse.alioss.emulator.auth.UriEncoding;
import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.Crc64;
import io.quarkiverse.alioss.emulator.store.Ingested;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.quarkiverse.alioss.emulator.xml.XmlWriter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;

/** PutObject, GetObject, HeadObject, DeleteObject and CopyObject. */
final class ObjectHandlers {

    private final ObjectStore store;
    private final Clock clock;
    private final UploadCompletion completion;

    ObjectHandlers(ObjectStore store, Clock clock, UploadCompletion completion) {
        this.store = store;
        this.clock = clock;
        this.completion = completion;
    }

    Future<Void> put(OssExchange ex, Bucket bucket) {
        checkDeclaredSize(ex);
        if ("true".equalsIgnoreCase(ex.header("x-oss-forbid-overwrite")) && bucket.get(ex.key).isPresent()) {
            return ex.fail(new OssError(409, "FileAlreadyExists", "The object you specified already exists and "
                    + "can not be overwritten.").with("Key", ex.key));
        }
        String acl = ObjectAttributeHandlers.acl(ex);
        Map<String, String> tags = ObjectAttributeHandlers.tags(ex);
        UploadCompletion.Pending pending = completion.prepare(ex);
        return store.storage().ingest(ex.request).compose(in -> {
            OssError digestError = checkContentMd5(ex, in);
            if (digestError != null) {
                in.blob().release();
                return ex.fail(digestError);
            }
            StoredObject object = new StoredObject(ex.key, in.blob(), in.size(), in.md5Hex(), in.md5Base64(),
                    in.crc64(), clock.instant(), "Normal", ObjectHeaders.storable(ex.request.headers()),
                    acl == null ? StoredObject.DEFAULT_ACL : acl, tags);
            bucket.put(object);
            return pending.complete(bucket.name(), object, "PutObject", null);
        });
    }

    /** OSS's 5 GB limit for one PutObject body or part, refused before reading when the length is declared. */
    static final long MAX_UPLOAD_SIZE = 5L * 1024 * 1024 * 1024;

    static void checkDeclaredSize(OssExchange ex) {
        String length = ex.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) <= MAX_UPLOAD_SIZE) {
                    return;
                }
            } catch (NumberFormatException e) {
                throw OssError.invalidArgument("Content-Length must be a number.", "Content-Length", length);
            }
            throw new OssError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
                    .with("MaxSizeAllowed", String.valueOf(MAX_UPLOAD_SIZE));
        }
    }

    /** 400 InvalidDigest when the request's Content-MD5 does not match the bytes received. */
    static OssError checkContentMd5(OssExchange ex, Ingested in) {
        String expected = ex.header("Content-MD5");
        if (expected != null && !expected.trim().equals(in.md5Base64())) {
            return OssError.invalidDigest(expected);
        }
        return null;
    }

    Future<Void> get(OssExchange ex, Bucket bucket) {
        StoredObject found = bucket.get(ex.key).orElse(null);
        if (found == null) {
            return ex.fail(OssError.noSuchKey(ex.key));
        }
        // a symlink answers with its target's bytes and headers, but says what it is
        boolean link = SymlinkHandlers.isSymlink(found);
        StoredObject object = link ? SymlinkHandlers.resolve(bucket, found) : found;
        if (Preconditions.evaluate(ex, object) == Preconditions.Outcome.NOT_MODIFIED) {
            ex.discardUnreadBody();
            ex.response().setStatusCode(304)
                    .putHeader("ETag", ObjectHeaders.quoted(object.etag()))
                    .putHeader("Last-Modified", HttpDates.rfc1123(object.lastModified()));
            return ex.response().end();
        }
        if (!ex.isHead() && ObjectHeaders.archived(object)) {
            // the emulator has no RestoreObject, so archived data is never readable, as on OSS before a restore
            return ex.fail(new OssError(403, "InvalidObjectState", "The operation is not valid for the object's state")
                    .with("Key", ex.key));
        }
        String rangeHeader = ex.header("Range");
        ByteRange range = ex.isHead() ? null : ByteRange.parse(rangeHeader, object.size());
        if (range == ByteRange.UNSATISFIABLE) {
            return ex.fail(new OssError(416, "InvalidRange", "The requested range cannot be satisfied")
                    .with("RangeRequested", rangeHeader)
                    .with("ActualObjectSize", String.valueOf(object.size())));
        }
        HttpServerResponse response = ex.response();
        ObjectHeaders.write(response, object, ex);
        if (link) {
            response.putHeader("x-oss-object-type", SymlinkHandlers.TYPE);
        }
        WriteStream<Buffer> body = ex.bodyStream();
        GzipWriteStream gzip = null;
        if (rangeHeader == null && Gzip.applies(ex, object)) {
            // as OSS: compressed, chunked, and without ETag, Content-Length or Accept-Ranges
            response.headers().remove("ETag").remove("Accept-Ranges");
            response.putHeader("Content-Encoding", "gzip").putHeader("Vary", "Accept-Encoding");
            if (ex.isHead()) {
                return response.end();
            }
            response.setChunked(true);
            gzip = new GzipWriteStream(body);
            body = gzip;
        }
        long start = range == null ? 0 : range.start();
        long length = range == null ? object.size() : range.length();
        if (gzip == null) {
            response.putHeader("Content-Length", String.valueOf(length));
        }
        if (range != null) {
            response.setStatusCode(206).putHeader("Content-Range",
                    "bytes " + range.start() + "-" + range.end() + "/" + object.size());
        }
        if (ex.isHead()) {
            return response.end();
        }
        GzipWriteStream compressor = gzip;
        // the object may be replaced meanwhile: keep these bytes alive until sent
        object.blob().retain();
        return object.blob().writeTo(body, start, length)
                .compose(v -> compressor == null ? response.end() : compressor.finish().compose(w -> response.end()))
                .onFailure(e -> ex.request.connection().close())
                .eventually(() -> {
                    object.blob().release();
                    return Future.succeededFuture();
                });
    }

    /** GetObjectMeta: the few headers OSS answers it with (a HEAD, so no body), not the object's own headers. */
    Future<Void> meta(OssExchange ex, Bucket bucket) {
        StoredObject found = bucket.get(ex.key).orElseThrow(() -> OssError.noSuchKey(ex.key));
        StoredObject object = SymlinkHandlers.isSymlink(found) ? SymlinkHandlers.resolve(bucket, found) : found;
        return ex.response().setStatusCode(200)
                .putHeader("ETag", ObjectHeaders.quoted(object.etag()))
                .putHeader("Last-Modified", HttpDates.rfc1123(object.lastModified()))
                .putHeader("Content-Length", String.valueOf(object.size()))
                .end();
    }

    /** The object {@code x-oss-copy-source} names ({@code /bucket/key}, URL-encoded), of CopyObject and UploadPartCopy. */
    static StoredObject copySource(OssExchange ex, ObjectStore store) {
        String source = ex.header("x-oss-copy-source");
        String path = UriEncoding.decode(source.startsWith("/") ? source.substring(1) : source, false);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw OssError.invalidArgument("x-oss-copy-source must be /<bucket>/<key>.", "x-oss-copy-source", source);
        }
        String sourceBucketName = path.substring(0, slash);
        String sourceKey = path.substring(slash + 1);
        Bucket sourceBucket = store.bucket(sourceBucketName).orElseThrow(() -> OssError.noSuchBucket(sourceBucketName));
        return sourceBucket.get(sourceKey).orElseThrow(() -> OssError.noSuchKey(sourceKey));
    }

    Future<Void> delete(OssExchange ex, Bucket bucket) {
        bucket.delete(ex.key);
        return ex.sendEmpty(204);
    }

    Future<Void> copy(OssExchange ex, Bucket bucket) {
        StoredObject original = copySource(ex, store);
        boolean replace = "REPLACE".equalsIgnoreCase(ex.header("x-oss-metadata-directive"));
        Map<String, String> headers = replace ? ObjectHeaders.storable(ex.request.headers())
                : ObjectHeaders.withStorageSettings(original.headers(), ex.request.headers());
        // tags are copied unless x-oss-tagging-directive says REPLACE; the ACL is the request's, else default
        Map<String, String> tags = "REPLACE".equalsIgnoreCase(ex.header("x-oss-tagging-directive"))
                ? ObjectAttributeHandlers.tags(ex)
                : original.tags();
        String acl = ObjectAttributeHandlers.acl(ex);
        StoredObject copy = new StoredObject(ex.key, original.blob().retain(), original.size(), original.etag(),
                original.contentMd5(), original.crc64(), clock.instant(), original.objectType(), headers,
                acl == null ? StoredObject.DEFAULT_ACL : acl, tags);
        bucket.put(copy);
        ex.discardUnreadBody();
        ex.response().putHeader("x-oss-hash-crc64ecma", Crc64.toHeader(copy.crc64()));
        return ex.sendXml(200, new XmlWriter().start("CopyObjectResult")
                .element("ETag", ObjectHeaders.quoted(copy.etag()))
                .element("LastModified", HttpDates.iso(copy.lastModified())));
    }
}
