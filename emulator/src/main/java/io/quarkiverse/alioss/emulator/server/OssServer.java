package io.quarkiverse.alioss.emulator.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.netty.channel.ChannelOption;
import io.quarkiverse.alioss.emulator.auth.AuthFailure;
import io.quarkiverse.alioss.emulator.auth.RequestAuthenticator;
import io.quarkiverse.alioss.emulator.callback.CallbackDeliveries;
import io.quarkiverse.alioss.emulator.fault.FaultInjector;
import io.quarkiverse.alioss.emulator.fault.FaultRule;
import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The request pipeline: common headers, CORS, addressing, fault injection, authentication, then the operation.
 * Everything runs on the event loop; bytes are streamed, never gathered.
 */
public final class OssServer implements Handler<HttpServerRequest> {

    /** Where the emulator serves its callback public key (no authentication, like gosspublic.alicdn.com). */
    public static final String CALLBACK_KEY_PATH = "/" + EmulatorControl.BUCKET + "/" + EmulatorControl.CALLBACK_KEY;
    /** Where the emulator serves its request counts per operation as JSON (no authentication; not an OSS API). */
    public static final String REQUEST_COUNTS_PATH = "/" + EmulatorControl.BUCKET + "/"
            + EmulatorControl.REQUEST_COUNTS;
    /** The emulator's control endpoints (signed; not OSS APIs): {@code callbacks}, {@code faults} and the two above. */
    public static final String CONTROL_PREFIX = "/" + EmulatorControl.BUCKET + "/";

    private static final Logger LOG = Logger.getLogger(OssServer.class.getName());

    private final Vertx vertx;
    private final ObjectStore store;
    private final RequestAuthenticator authenticator;
    private final FaultInjector faults;
    private final Clock clock;
    private final ObjectHandlers objects;
    private final MultipartHandlers multipart;
    private final BucketHandlers buckets;
    private final PostObjectHandler postObject;
    private final ObjectAttributeHandlers attributes = new ObjectAttributeHandlers();
    private final AppendHandler append;
    private final SymlinkHandlers symlinks;
    private final RequestCounts counts = new RequestCounts();
    private final EmulatorControl control;
    private final Map<String, String> customDomains;

    public OssServer(Vertx vertx, ObjectStore store, RequestAuthenticator authenticator, FaultInjector faults,
            Clock clock, String region, String callbackKeyPem, CallbackCompletion completion,
            CallbackDeliveries deliveries, Map<String, String> customDomains) {
        this.vertx = vertx;
        this.customDomains = Map.copyOf(customDomains);
        this.store = store;
        this.authenticator = authenticator;
        this.faults = faults;
        this.clock = clock;
        this.control = new EmulatorControl(store, authenticator, faults, counts, callbackKeyPem, completion,
                deliveries);
        this.objects = new ObjectHandlers(store, clock, completion);
        this.multipart = new MultipartHandlers(store, clock, completion);
        this.buckets = new BucketHandlers(store, region);
        this.postObject = new PostObjectHandler(store, clock, authenticator, completion);
        this.append = new AppendHandler(store, clock);
        this.symlinks = new SymlinkHandlers(store, clock);
    }

    @Override
    public void handle(HttpServerRequest request) {
        request.pause();
        String requestId = RequestIds.next();
        HttpServerResponse response = request.response();
        response.putHeader("x-oss-request-id", requestId)
                .putHeader("Server", "AliyunOSS")
                .putHeader("Date", HttpDates.now(clock.instant()));
        String origin = request.getHeader("Origin");
        if (request.method() == HttpMethod.OPTIONS) {
            request.resume();
            Cors.preflight(origin, request.getHeader("Access-Control-Request-Headers"), response);
            return;
        }
        Cors.onRequest(origin, response);
        OssExchange ex = new OssExchange(request, requestId, Addressing.resolve(request.getHeader("Host"),
                request.path(), request.query(), name -> store.bucket(name).isPresent(), customDomains));
        if (EmulatorControl.isControl(ex)) {
            control.handle(ex);
            return;
        }
        ApiOperation api = RequestRouter.route(ex);
        if (!api.implemented()) {
            // checked like any request, then refused: the body is discarded, nothing is stored
            guard(ex, () -> {
                check(ex, api);
                return ex.fail(RequestRouter.notImplemented(api));
            });
            return;
        }
        Operation operation = api.implementation();
        ex.operation = operation.ossName;
        counts.increment(operation.ossName);
        FaultRule rule = faults.ruleFor(operation.ossName);
        ex.corrupt = rule.corrupt();
        long latency = rule.latency().toMillis();
        if (latency > 0) {
            vertx.setTimer(latency, t -> run(ex, api, rule));
        } else {
            run(ex, api, rule);
        }
    }

    private void run(OssExchange ex, ApiOperation api, FaultRule rule) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (rule.resetRate() > 0 && random.nextDouble() < rule.resetRate()) {
            reset(ex.request.connection());
            return;
        }
        if (rule.errorRate() > 0 && random.nextDouble() < rule.errorRate()) {
            ex.fail(new OssError(503, "ServiceUnavailable", "Please reduce your request rate."));
            return;
        }
        guard(ex, () -> dispatch(ex, api));
    }

    /** Runs a step of answering, turning whatever it throws or fails with into the OSS error answer. */
    private static void guard(OssExchange ex, Supplier<Future<Void>> step) {
        Future<Void> done;
        try {
            done = step.get();
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onFailure(e -> fail(ex, e));
    }

    /**
     * What OSS checks before the operation itself: that the bucket exists (even for an anonymous request, which then
     * learns NoSuchBucket rather than AccessDenied), then the signature. Returns the bucket, or null for requests
     * that address none.
     */
    private Bucket check(OssExchange ex, ApiOperation api) {
        Bucket bucket = null;
        if (api.scope() != ApiOperation.Scope.SERVICE && api.implementation() != Operation.PUT_BUCKET) {
            bucket = store.bucket(ex.bucket).orElseThrow(() -> OssError.noSuchBucket(ex.bucket));
        }
        if (ex.key != null) {
            ObjectNames.check(ex.key);
        }
        if (api.implementation() != Operation.POST_OBJECT && !publicRead(ex, api, bucket)) {
            authenticator.authenticate(ex.signedRequest());
        }
        TrafficLimit.check(ex);
        return bucket;
    }

    /** An unsigned read of an object whose ACL lets anyone read it (signed requests are always verified). */
    private static boolean publicRead(OssExchange ex, ApiOperation api, Bucket bucket) {
        boolean read = api.implementation() == Operation.GET_OBJECT || api.implementation() == Operation.HEAD_OBJECT;
        boolean unsigned = ex.header("Authorization") == null && !ex.hasParam("Signature")
                && !ex.hasParam("x-oss-signature");
        return read && unsigned && bucket.get(ex.key)
                .map(o -> o.acl().equals("public-read") || o.acl().equals("public-read-write")).orElse(false);
    }

    private Future<Void> dispatch(OssExchange ex, ApiOperation api) {
        Bucket bucket = check(ex, api);
        return switch (api.implementation()) {
            case LIST_BUCKETS -> buckets.listBuckets(ex);
            case PUT_BUCKET -> buckets.createBucket(ex);
            case DELETE_BUCKET -> buckets.deleteBucket(ex, bucket);
            case HEAD_BUCKET -> {
                ex.discardUnreadBody();
                yield ex.sendEmpty(200);
            }
            case GET_BUCKET_INFO -> buckets.bucketInfo(ex, bucket);
            case GET_BUCKET_ACL -> buckets.bucketAcl(ex);
            case GET_BUCKET_LOCATION -> buckets.bucketLocation(ex);
            case LIST_OBJECTS -> buckets.listObjectsV1(ex, bucket);
            case LIST_OBJECTS_V2 -> buckets.listObjectsV2(ex, bucket);
            case LIST_MULTIPART_UPLOADS -> multipart.listUploads(ex, bucket);
            case DELETE_MULTIPLE_OBJECTS -> buckets.deleteMultiple(ex, bucket);
            case POST_OBJECT -> postObject.handle(ex, bucket);
            case PUT_OBJECT -> objects.put(ex, bucket);
            case COPY_OBJECT -> objects.copy(ex, bucket);
            case GET_OBJECT, HEAD_OBJECT -> objects.get(ex, bucket);
            case GET_OBJECT_META -> objects.meta(ex, bucket);
            case PUT_OBJECT_ACL -> attributes.putAcl(ex, bucket);
            case GET_OBJECT_ACL -> attributes.getAcl(ex, bucket);
            case PUT_OBJECT_TAGGING -> attributes.putTagging(ex, bucket);
            case GET_OBJECT_TAGGING -> attributes.getTagging(ex, bucket);
            case DELETE_OBJECT_TAGGING -> attributes.deleteTagging(ex, bucket);
            case DELETE_OBJECT -> objects.delete(ex, bucket);
            case APPEND_OBJECT -> append.append(ex, bucket);
            case PUT_SYMLINK -> symlinks.put(ex, bucket);
            case GET_SYMLINK -> symlinks.get(ex, bucket);
            case INITIATE_MULTIPART_UPLOAD -> multipart.initiate(ex, bucket);
            case UPLOAD_PART -> multipart.uploadPart(ex, bucket);
            case UPLOAD_PART_COPY -> multipart.uploadPartCopy(ex, bucket);
            case COMPLETE_MULTIPART_UPLOAD -> multipart.complete(ex, bucket);
            case ABORT_MULTIPART_UPLOAD -> multipart.abort(ex, bucket);
            case LIST_PARTS -> multipart.listParts(ex, bucket);
        };
    }

    /** How many requests each operation received, by OSS operation name. */
    public RequestCounts counts() {
        return counts;
    }

    /** Drops the connection with a TCP reset (SO_LINGER 0), as a crashed or overloaded server would. */
    private static void reset(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        connection.close();
    }

    private static void fail(OssExchange ex, Throwable error) {
        if (error instanceof OssError oss) {
            ex.fail(oss);
        } else if (error instanceof AuthFailure auth) {
            OssError oss = new OssError("InvalidArgument".equals(auth.code()) ? 400 : 403, auth.code(),
                    auth.getMessage(), auth.ec());
            auth.details().forEach(oss::with);
            ex.fail(oss);
        } else {
            LOG.log(Level.WARNING, "Emulator failed on " + ex.operation + " (request " + ex.requestId + ")", error);
            ex.fail(new OssError(500, "InternalError", "The emulator failed: " + error));
        }
    }
}
