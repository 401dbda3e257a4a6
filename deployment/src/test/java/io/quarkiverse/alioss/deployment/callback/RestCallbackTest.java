package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code @OssCallback} on RESTEasy Reactive resource methods: signed callbacks reach the method with the callback
 * values beside ordinary JAX-RS parameters and a still readable body; forged, untokened, edited and replayed callbacks
 * are refused with 403 before anything of the application runs (even with an exception mapper for everything); the
 * method's own results and exceptions go through RESTEasy Reactive as in any resource. A generated route lives in the
 * same application and passes the same end-to-end test. Each callback is bound to its upload, as OssClient does.
 */
class RestCallbackTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-rest-secret";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class, RouteHooks.class, Mappers.class, Saved.class,
                    ThreadRecord.class, TestCallbackKeys.class, SignedCallbacks.class, OssBodies.class,
                    RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.rest.path", "/api")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.base-url", "http://callbacks.example")
            .overrideConfigKey("quarkus.oss.callback.token.secret", SECRET)
            .overrideConfigKey("quarkus.oss.callback.max-body-size", "2K");

    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicInteger FILTERED = new AtomicInteger();
    static volatile String lastPubKeyHeader;
    static volatile String lastToken;

    record Saved(String style, String user, String object, long size) {
    }

    @Path("/hooks")
    public static class Hooks {

        @POST
        @Path("avatar")
        @OssCallback(name = "restAvatar")
        public RestResponse<Saved> avatar(OssUpload upload, @CallbackVar("user") String user, HttpHeaders headers,
                @RestQuery("oss-cb-token") String token) {
            CALLS.incrementAndGet();
            lastPubKeyHeader = headers.getHeaderString("x-oss-pub-key-url");
            lastToken = token;
            return RestResponse.ResponseBuilder.ok(new Saved("rest", user, upload.object(), upload.size()))
                    .header("X-Saved-By", "resource").build();
        }

        @POST
        @Path("form")
        @OssCallback(name = "restForm")
        public Map<String, String> form(@SystemVar("bucket") String bucket, @RestForm("bucket") String formBucket,
                @RestForm("object") String formObject, @CallbackVar("note") String note) {
            CALLS.incrementAndGet();
            return Map.of("bound", bucket, "form", formBucket, "formObject", formObject, "note", note);
        }

        @POST
        @Path("entity")
        @OssCallback(name = "restEntity")
        public Map<String, Object> entity(@SystemVar("size") long size, String body) {
            CALLS.incrementAndGet();
            return Map.of("size", size, "body", body);
        }

        @POST
        @Path("json")
        @OssCallback(name = "restJson", bodyType = CallbackBodyType.JSON)
        public Uni<Response> json(@SystemVar("object") String object, byte[] body) {
            CALLS.incrementAndGet();
            return Uni.createFrom().item(Response.ok(Map.of("object", object, "bytes", body.length)).build());
        }

        @POST
        @Path("text")
        @OssCallback(name = "restText")
        public String text(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
            return "{\"bucket\":\"" + bucket + "\"}";
        }

        @POST
        @Path("large")
        @OssCallback(name = "restLarge")
        public Map<String, String> large(@SystemVar("size") int size) {
            CALLS.incrementAndGet();
            return Map.of("data", "x".repeat(size));
        }

        @POST
        @Path("blocking")
        @Blocking
        @OssCallback(name = "restBlocking")
        public Uni<Map<String, Object>> blocking(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
            ThreadRecord thread = ThreadRecord.current();
            return Uni.createFrom().item(Map.of("bucket", bucket, "blockingAllowed", thread.blockingAllowed(),
                    "eventLoop", thread.eventLoop()));
        }

        @POST
        @Path("non-blocking")
        @NonBlocking
        @OssCallback(name = "restNonBlocking")
        public Map<String, Object> nonBlocking(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
            return Map.of("bucket", bucket, "eventLoop", ThreadRecord.current().eventLoop());
        }

        @POST
        @Path("busy")
        @OssCallback(name = "restBusy")
        public RestResponse<Void> busy(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
            return RestResponse.status(RestResponse.Status.CONFLICT);
        }

        @POST
        @Path("boom")
        @OssCallback(name = "restBoom")
        public Map<String, String> boom(@SystemVar("bucket") String bucket) {
            CALLS.incrementAndGet();
            throw new IllegalArgumentException("bucket " + bucket + " is closed");
        }
    }

    @ApplicationScoped
    static class RouteHooks {
        @OssCallback(path = "/oss/route-avatar", name = "routeAvatar")
        Saved avatar(OssUpload upload, @CallbackVar("user") String user) {
            CALLS.incrementAndGet();
            return new Saved("route", user, upload.object(), upload.size());
        }
    }

    /** An application mapper and filter: refused callbacks must go through neither. */
    public static class Mappers {
        @ServerRequestFilter
        public void count() {
            FILTERED.incrementAndGet();
        }

        @ServerExceptionMapper
        public RestResponse<Map<String, String>> anything(RuntimeException e) {
            return RestResponse.ResponseBuilder.<Map<String, String>> create(422)
                    .entity(Map.of("mapped", e.getMessage())).build();
        }
    }

    @Inject
    OssCallbackTemplates templates;

    static final Map<String, String> UPLOAD = OssBodies.SAMPLE_UPLOAD;
    static final String TOKEN_REFUSED = "{\"status\":\"error\",\"code\":403,\"reason\":\"token refused\"}";
    static final String VERIFICATION_FAILED = "{\"status\":\"error\",\"code\":403,\"reason\":\"verification failed\"}";

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        CALLS.set(0);
        FILTERED.set(0);
        lastPubKeyHeader = null;
        lastToken = null;
        refusals = RefusalRecords.capture();
    }

    /**
     * Fills the named template, binds it to the upload {@code values} describe (the sample upload with {@code values}
     * on top), renders the body as OSS would and sends it signed with the test key.
     */
    private ValidatableResponse call(String name, Map<String, String> custom, Map<String, String> values) {
        Map<String, String> upload = new HashMap<>(UPLOAD);
        upload.putAll(values);
        OssCallbackSpec spec = bound(name, custom, upload);
        return send(spec, OssBodies.render(spec, uploadValues(spec, upload)));
    }

    /** A fresh spec of the named template bound to the bucket and object of {@code upload}: each one a new token. */
    private OssCallbackSpec bound(String name, Map<String, String> custom, Map<String, String> upload) {
        return templates.get(name).fill(custom).bind(CallbackTarget.upload(upload.get("bucket"), upload.get("object")));
    }

    /** What OSS substitutes for the bound template: the upload's system variables and the spec's custom ones. */
    private static Map<String, String> uploadValues(OssCallbackSpec spec, Map<String, String> upload) {
        Map<String, String> values = new HashMap<>(upload);
        values.putAll(spec.vars());
        return values;
    }

    private static ValidatableResponse send(OssCallbackSpec spec, String body) {
        return SignedCallbacks.post(OssBodies.target(spec), spec.bodyType().contentType(), body).then();
    }

    /** The form body of the sample upload's pinned bucket and object, for bodies written by hand. */
    private static String pinnedFields() {
        return "bucket=" + UPLOAD.get("bucket") + "&object=" + URLEncoder.encode(UPLOAD.get("object"),
                StandardCharsets.UTF_8);
    }

    @Test
    void templateOfAResourceMethodUsesTheRestPathAndOnlyTheCallbackParameters() {
        assertThat(templates.get("restAvatar").path()).isEqualTo("/api/hooks/avatar");
        assertThat(templates.get("restAvatar").customVariables()).containsExactly("x:user");
        assertThat(templates.get("restAvatar").body()).contains("bucket=${bucket}", "crc64=${crc64}", "=${x:user}")
                .doesNotContain("token", "headers");
        assertThat(templates.get("restEntity").body()).isEqualTo("bucket=${bucket}&object=${object}&size=${size}");
        OssCallbackSpec unbound = templates.get("restAvatar").fill(Map.of("user", "alice"));
        assertThat(unbound.urls()).containsExactly("http://callbacks.example/api/hooks/avatar");
        assertThat(unbound.bind(CallbackTarget.upload("photos", "a.png")).urls()).singleElement().asString()
                .startsWith("http://callbacks.example/api/hooks/avatar?" + CallbackToken.QUERY_PARAMETER + "=v2.");
    }

    @Test
    void bothStylesPassTheSameEndToEndCallback() {
        for (String style : new String[] { "rest", "route" }) {
            reset();
            String expected = "{\"style\":\"" + style + "\",\"user\":\"alice\",\"object\":\"avatars/alice 1.png\","
                    + "\"size\":1234}";
            call(style + "Avatar", Map.of("user", "alice"), UPLOAD)
                    .statusCode(200)
                    .header("Content-Type", containsString("application/json"))
                    .header("Content-Length", String.valueOf(expected.getBytes(StandardCharsets.UTF_8).length))
                    .body(equalTo(expected));
            assertThat(CALLS).as(style).hasValue(1);
        }
    }

    @Test
    void resourceMethodGetsJaxRsParametersAndItsRestResponseHeaders() {
        call("restAvatar", Map.of("user", "alice"), UPLOAD).statusCode(200).header("X-Saved-By", "resource");
        assertThat(lastPubKeyHeader).isEqualTo(TestCallbackKeys.keyUrlHeader());
        assertThat(lastToken).startsWith("v2.");
    }

    @Test
    void formBodyStaysReadableAsFormParameters() {
        call("restForm", Map.of("note", "a+b c"), Map.of("bucket", "photos"))
                .statusCode(200)
                .body("bound", equalTo("photos"), "form", equalTo("photos"), "formObject",
                        equalTo("avatars/alice 1.png"), "note", equalTo("a+b c"));
    }

    @Test
    void rawBodyStaysReadableAsStringEntity() {
        call("restEntity", Map.of(), Map.of("size", "42"))
                .statusCode(200)
                .body("size", equalTo(42), "body", equalTo(pinnedFields() + "&size=42"));
    }

    @Test
    void jsonBodyWithUniOfResponse() {
        String body = "{\"bucket\":\"photos\",\"object\":\"a/b.jpg\"}";
        call("restJson", Map.of(), Map.of("object", "a/b.jpg"))
                .statusCode(200)
                .header("Content-Length", String.valueOf("{\"object\":\"a/b.jpg\",\"bytes\":38}".length()))
                .body("object", equalTo("a/b.jpg"), "bytes", equalTo(body.length()));
    }

    @Test
    void stringReplyIsSentAsJsonBecauseOssAcceptsNothingElse() {
        call("restText", Map.of(), Map.of("bucket", "photos"))
                .statusCode(200)
                .header("Content-Type", containsString("application/json"))
                .header("Content-Length", "19")
                .body(equalTo("{\"bucket\":\"photos\"}"));
    }

    @Test
    void replyLargerThanTheOutputBufferStillHasAContentLength() {
        int size = 64 * 1024;
        call("restLarge", Map.of(), Map.of("size", String.valueOf(size)))
                .statusCode(200)
                .header("Content-Length", String.valueOf("{\"data\":\"\"}".length() + size))
                .header("Transfer-Encoding", nullValue());
    }

    @Test
    void threadingAnnotationsOfTheResourceMethodStillApplyAfterTheAsynchronousVerification() {
        call("restBlocking", Map.of(), Map.of("bucket", "photos"))
                .statusCode(200)
                .body("bucket", equalTo("photos"), "blockingAllowed", equalTo(true), "eventLoop", equalTo(false));
        call("restNonBlocking", Map.of(), Map.of("bucket", "photos"))
                .statusCode(200).body("bucket", equalTo("photos"), "eventLoop", equalTo(true));
        assertThat(CALLS).hasValue(2);
    }

    @Test
    void methodExceptionGoesThroughTheApplicationExceptionMapper() {
        call("restBoom", Map.of(), Map.of("bucket", "photos"))
                .statusCode(422)
                .body("mapped", equalTo("bucket photos is closed"));
        assertThat(CALLS).hasValue(1);
    }

    /** Not answered with 200 (here by the application's mapper), so OSS may try again with the same token. */
    @Test
    void callbackAnsweredByTheMapperGivesItsTokenBack() {
        OssCallbackSpec spec = bound("restBoom", Map.of(), UPLOAD);
        String body = OssBodies.render(spec, UPLOAD);
        send(spec, body).statusCode(422);
        send(spec, body).statusCode(422);
        assertThat(CALLS).hasValue(2);
        assertThat(refusals.codes()).isEmpty();
    }

    /**
     * The method's own status without an entity: RESTEasy Reactive ends the response itself, and the token still comes
     * back, so that OSS may try again.
     */
    @Test
    void methodsOwnEntityLessStatusGivesItsTokenBack() {
        OssCallbackSpec spec = bound("restBusy", Map.of(), UPLOAD);
        String body = OssBodies.render(spec, UPLOAD);
        send(spec, body).statusCode(409);
        send(spec, body).statusCode(409);
        assertThat(CALLS).hasValue(2);
        assertThat(refusals.codes()).isEmpty();
    }

    @Test
    void forgedSignatureIs403AndNeverReachesTheMethodOrTheMapper() {
        OssCallbackSpec spec = bound("restAvatar", Map.of("user", "alice"), UPLOAD);
        byte[] body = OssBodies.render(spec, uploadValues(spec, UPLOAD)).getBytes(StandardCharsets.UTF_8);
        String target = OssBodies.target(spec);
        String signatureOfOtherBody = TestCallbackKeys.sign(SignedCallbacks.decodedPath(target),
                "bucket=other".getBytes(StandardCharsets.UTF_8));
        SignedCallbacks.send(target, SignedCallbacks.FORM, body, signatureOfOtherBody, TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403)
                .header("Content-Type", containsString("application/json"))
                .body(equalTo(VERIFICATION_FAILED));
        SignedCallbacks.send(target, SignedCallbacks.FORM, body, null, TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        SignedCallbacks.send(target, SignedCallbacks.FORM, body, TestCallbackKeys.sign(
                SignedCallbacks.decodedPath(target), body), TestCallbackKeys.base64("http://localhost:1/evil.pem"))
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        assertThat(CALLS).hasValue(0);
        assertThat(FILTERED).hasValue(0);
        assertThat(refusals.codes()).containsExactly("BAD_SIGNATURE", "MISSING_AUTHORIZATION", "UNTRUSTED_KEY_URL");
    }

    @Test
    void editedCustomVariableIsRefusedByTheToken() {
        OssCallbackSpec spec = bound("restAvatar", Map.of("user", "alice"), UPLOAD);
        Map<String, String> values = uploadValues(spec, UPLOAD);
        values.put("x:user", "mallory");
        send(spec, OssBodies.render(spec, values)).statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(CALLS).hasValue(0);
        assertThat(FILTERED).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISMATCH");
    }

    @Test
    void callbackWithoutTokenIsRefused() {
        SignedCallbacks.post("/api/hooks/entity", SignedCallbacks.FORM, pinnedFields() + "&size=1")
                .then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISSING");
    }

    @Test
    void sameCallbackSentTwiceReachesTheMethodOnce() {
        OssCallbackSpec spec = bound("restEntity", Map.of(), UPLOAD);
        String body = OssBodies.render(spec, UPLOAD);
        send(spec, body).statusCode(200);
        send(spec, body).statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(CALLS).hasValue(1);
        assertThat(FILTERED).hasValue(1);
        assertThat(refusals.codes()).containsExactly("TOKEN_REPLAYED");
    }

    @Test
    void acceptedCallbackPassesTheApplicationRequestFilters() {
        call("restEntity", Map.of(), Map.of("size", "1")).statusCode(200);
        assertThat(FILTERED).hasValue(1);
    }

    @Test
    void bodyOverTheLimitIs413AndNotInvoked() {
        OssCallbackSpec spec = bound("restEntity", Map.of(), UPLOAD);
        send(spec, pinnedFields() + "&size=1&pad=" + "x".repeat(3000))
                .statusCode(413)
                .body(equalTo("{\"status\":\"error\",\"code\":413,\"reason\":\"callback body too large\"}"));
        assertThat(CALLS).hasValue(0);
        assertThat(FILTERED).hasValue(0);
        assertThat(refusals.codes()).containsExactly("BODY_TOO_LARGE");
    }

    @Test
    void valueThatDoesNotConvertIs400AndNotInvoked() {
        // the token holds (bucket and object are the bound ones): the size is what does not bind
        OssCallbackSpec spec = bound("restEntity", Map.of(), UPLOAD);
        send(spec, pinnedFields() + "&size=twelve")
                .statusCode(400).body("reason", containsString("size"));
        assertThat(CALLS).hasValue(0);
        assertThat(FILTERED).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("400 BODY_INVALID");
    }
}
