package io.quarkiverse.alioss.emulator.server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.alioss.emulator.auth.RequestAuthenticator;
import io.quarkiverse.alioss.emulator.policy.PostPolicy;
import io.quarkiverse.alioss.emulator.policy.PostPolicyViolation;
import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.Ingested;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.quarkiverse.alioss.emulator.store.StoredObject;
import io.quarkiverse.alioss.emulator.xml.XmlWriter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerFileUpload;

/**
 * Browser form uploads ({@code POST /} multipart/form-data). The form fields are read from the raw bytes before the file
 * part ({@link FormFieldReader}); the file part is streamed into storage; once the request has ended the signature and
 * the policy (which needs the size) are checked, and the bytes of a refused form are released without ever being put
 * in the bucket.
 */
final class PostObjectHandler {

    private static final String KEPT_PREFIX = "x-oss-meta-";
    /** OSS takes up to 8 KB of field names and 2 MB of field values. */
    private static final int MAX_FIELDS_BYTES = 2 * 1024 * 1024 + 64 * 1024;

    private final ObjectStore store;
    private final Clock clock;
    private final RequestAuthenticator authenticator;
    private final UploadCompletion completion;

    PostObjectHandler(ObjectStore store, Clock clock, RequestAuthenticator authenticator,
            UploadCompletion completion) {
        this.store = store;
        this.clock = clock;
        this.authenticator = authenticator;
        this.completion = completion;
    }

    Future<Void> handle(OssExchange ex, Bucket bucket) {
        Promise<Void> done = Promise.promise();
        Promise<Void> ended = Promise.promise();
        Future<?>[] file = new Future<?>[1];
        String boundary = FormFieldReader.boundary(ex.request.getHeader("Content-Type"));
        if (boundary == null) {
            ex.request.resume();
            return Future.failedFuture(new OssError(400, "InvalidArgument",
                    "The body of a POST must be multipart/form-data with a boundary."));
        }
        FormFieldReader fields = new FormFieldReader(boundary, MAX_FIELDS_BYTES);
        ex.request.handler(fields::accept);
        ex.request.setExpectMultipart(true);
        ex.request.uploadHandler(upload -> {
            if (file[0] != null) {
                upload.handler(chunk -> {
                });
                done.tryFail(incorrectFileCount());
                return;
            }
            // held until the storage is ready for it
            upload.pause();
            file[0] = onFile(ex, bucket, upload, fields, ended.future());
        });
        ex.request.exceptionHandler(failure -> {
            ended.tryFail(failure);
            done.tryFail(failure);
        });
        ex.request.endHandler(v -> {
            ended.tryComplete();
            if (file[0] == null) {
                done.tryFail(incorrectFileCount());
            } else {
                file[0].onComplete(r -> {
                    if (r.succeeded()) {
                        done.tryComplete();
                    } else {
                        done.tryFail(r.cause());
                    }
                });
            }
        });
        ex.request.resume();
        return done.future();
    }

    /** Stores the file once the request has ended and its fields (all of them) allow it. */
    private Future<Void> onFile(OssExchange ex, Bucket bucket, HttpServerFileUpload upload, FormFieldReader fields,
            Future<Void> ended) {
        return store.storage().ingest(upload).compose(in -> ended.transform(end -> {
            if (end.failed()) {
                in.blob().release();
                return Future.failedFuture(end.cause());
            }
            try {
                return store(ex, bucket, upload, fields, in);
            } catch (RuntimeException e) {
                in.blob().release();
                return Future.failedFuture(e);
            }
        }));
    }

    private Future<Void> store(OssExchange ex, Bucket bucket, HttpServerFileUpload upload, FormFieldReader reader,
            Ingested in) {
        if (reader.tooLarge()) {
            throw new OssError(400, "InvalidArgument", "The form fields of the POST exceed the maximum allowed size.");
        }
        Map<String, String> sent = reader.fields();
        // form field names are case-insensitive
        Map<String, String> fields = new LinkedHashMap<>();
        sent.forEach((name, value) -> fields.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        authenticator.authenticatePostPolicy(fields);
        String key = objectKey(fields, upload.filename());
        UploadCompletion.Pending pending = completion.preparePost(ex, fields.get("callback"), customVariables(sent));
        checkPolicy(fields, bucket.name(), in.size());
        StoredObject object = new StoredObject(key, in.blob(), in.size(), in.md5Hex(), in.md5Base64(),
                in.crc64(), clock.instant(), "Normal", storableHeaders(fields, upload));
        bucket.put(object);
        return pending.complete(bucket.name(), object, "PostObject", successReply(ex, fields, bucket, object));
    }

    private static String objectKey(Map<String, String> fields, String filename) {
        String key = fields.get("key");
        if (key == null || key.isEmpty()) {
            throw OssError.invalidArgument("The key form field is required.", "key", "");
        }
        String named = key.replace("${filename}", filename == null ? "" : filename);
        ObjectNames.check(named);
        return named;
    }

    /** The {@code x:*} fields with their names as sent. */
    private static Map<String, String> customVariables(Map<String, String> sent) {
        Map<String, String> vars = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            if (name.startsWith("x:")) {
                vars.putIfAbsent(name, value);
            }
        });
        return vars;
    }

    private void checkPolicy(Map<String, String> fields, String bucket, long size) {
        Map<String, String> checked = new LinkedHashMap<>(fields);
        checked.put("bucket", bucket);
        try {
            PostPolicy.parse(fields.get("policy")).check(checked, size, clock.instant());
        } catch (PostPolicyViolation v) {
            throw new OssError(v.httpStatus(), v.ossCode(), v.getMessage());
        }
    }

    private static Map<String, String> storableHeaders(Map<String, String> fields, HttpServerFileUpload upload) {
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = fields.getOrDefault("content-type", fields.get("x-oss-content-type"));
        if (contentType == null || contentType.isEmpty()) {
            contentType = upload.contentType();
        }
        headers.put("content-type", contentType == null || contentType.isEmpty() ? "application/octet-stream"
                : contentType);
        for (String name : new String[] { "content-disposition", "content-encoding", "cache-control", "expires" }) {
            if (fields.containsKey(name)) {
                headers.put(name, fields.get(name));
            }
        }
        fields.forEach((name, value) -> {
            if (name.startsWith(KEPT_PREFIX)) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private static UploadCompletion.DefaultReply successReply(OssExchange ex, Map<String, String> fields,
            Bucket bucket, StoredObject object) {
        String status = fields.getOrDefault("success_action_status", "204");
        return switch (status) {
            case "200" -> UploadCompletion.DefaultReply.EMPTY_200;
            case "201" -> new UploadCompletion.DefaultReply(201, new XmlWriter().start("PostResponse")
                    .element("Bucket", bucket.name())
                    .element("Location", "http://" + ex.hostId() + "/" + object.key())
                    .element("Key", object.key())
                    .element("ETag", ObjectHeaders.quoted(object.etag()))
                    .toBuffer(), "application/xml");
            default -> new UploadCompletion.DefaultReply(204, io.vertx.core.buffer.Buffer.buffer(), null);
        };
    }

    private static OssError incorrectFileCount() {
        return new OssError(400, "IncorrectNumberOfFilesInPOSTRequest",
                "POST requires exactly one file upload per request.");
    }
}
