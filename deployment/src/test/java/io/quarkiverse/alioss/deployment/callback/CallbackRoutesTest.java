package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;

/**
 * Signed callbacks, built from the injected templates (filled, then bound to one upload, as OssClient does) the way OSS
 * would send them, reach the methods with the right values on the right threads. Token, size, body, failure and
 * refusal paths answer with their statuses and the one refusal reply; the precise code is what the route logs.
 */
class CallbackRoutesTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Uploads.class, ThreadingCallbacks.class, Saved.class,
                    ThreadRecord.class, RequestState.class, PerCallReceiver.class, TestCallbackKeys.class,
                    SignedCallbacks.class, OssBodies.class, RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.base-url", "http://callbacks.example")
            .overrideConfigKey("quarkus.oss.callback.token.secret", SECRET)
            .overrideConfigKey("quarkus.oss.callback.max-body-size", "2K");

    record Saved(String user, String object, long size, Integer width) {
    }

    /** Proves the request context is active while a callback method runs. */
    @RequestScoped
    static class RequestState {
        String id() {
            return "request";
        }
    }

    /** A dependent bean gets a fresh instance per callback, destroyed once the reply is written. */
    @Dependent
    static class PerCallReceiver {
        static final AtomicInteger DESTROYED = new AtomicInteger();

        @OssCallback(path = "/oss/per-call", name = "perCall")
        void received(@SystemVar("bucket") String bucket) {
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class Uploads {
        @Inject
        RequestState requestState;

        static final AtomicInteger CALLS = new AtomicInteger();
        static final Map<String, ThreadRecord> THREADS = new ConcurrentHashMap<>();
        static volatile OssUpload lastUpload;

        @OssCallback(path = "/oss/avatar", name = "avatar")
        Saved avatar(OssUpload upload, @CallbackVar("user") String user) {
            record("avatar");
            lastUpload = upload;
            return new Saved(user, upload.object(), upload.size(), upload.imageInfo().map(i -> i.width()).orElse(null));
        }

        @OssCallback(path = "/oss/json", name = "json", bodyType = CallbackBodyType.JSON)
        Uni<Saved> json(@SystemVar("object") String object, @SystemVar("size") long size,
                @SystemVar("imageInfo.width") Optional<Integer> width, @CallbackVar("user") String user) {
            record("json");
            return Uni.createFrom().item(new Saved(user, object, size, width.orElse(null)));
        }

        @OssCallback(path = "/oss/ack", name = "ack")
        void ack(@SystemVar("bucket") String bucket) {
            requestState.id();
            record("ack");
        }

        private static void record(String method) {
            CALLS.incrementAndGet();
            THREADS.put(method, ThreadRecord.current());
        }
    }

    @Inject
    @CallbackTemplateName("avatar")
    OssCallbackTemplate avatar;

    @Inject
    OssCallbackTemplates templates;

    static final Map<String, String> UPLOAD = OssBodies.SAMPLE_UPLOAD;
    static final String TOKEN_REFUSED = "{\"status\":\"error\",\"code\":403,\"reason\":\"token refused\"}";

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        Uploads.CALLS.set(0);
        Uploads.THREADS.clear();
        ThreadingCallbacks.reset();
        refusals = RefusalRecords.capture();
    }

    /**
     * Fills the named template, binds it to the upload {@code values} describe (the sample upload with {@code values}
     * on top), renders the body as OSS would and sends it signed.
     */
    private Response call(String name, Map<String, String> custom, Map<String, String> values) {
        Map<String, String> upload = new HashMap<>(UPLOAD);
        upload.putAll(values);
        OssCallbackSpec spec = bound(name, custom, upload);
        return send(spec, OssBodies.render(spec, withVars(upload, spec)));
    }

    /** A fresh spec of the named template, bound to the bucket and object of {@code upload}: each one a new token. */
    private OssCallbackSpec bound(String name, Map<String, String> custom, Map<String, String> upload) {
        return templates.get(name).fill(custom).bind(CallbackTarget.upload(upload.get("bucket"), upload.get("object")));
    }

    /** What OSS substitutes: the upload's system variables and the spec's custom ones. */
    private static Map<String, String> withVars(Map<String, String> upload, OssCallbackSpec spec) {
        Map<String, String> values = new HashMap<>(upload);
        values.putAll(spec.vars());
        return values;
    }

    private static Response send(OssCallbackSpec spec, String body) {
        return SignedCallbacks.post(OssBodies.target(spec), spec.bodyType().contentType(), body);
    }

    @Test
    void templateHasExactlyTheBoundVariables() {
        assertThat(avatar.name()).isEqualTo("avatar");
        assertThat(avatar.path()).isEqualTo("/oss/avatar");
        assertThat(avatar.customVariables()).containsExactly("x:user");
        assertThat(avatar.body()).startsWith("bucket=${bucket}&object=${object}&").contains("crc64=${crc64}",
                "=${x:user}");
        // bucket and object come first when the method does not bind them itself: the token pins them
        assertThat(templates.get("json").body())
                .isEqualTo("{\"bucket\":${bucket},\"object\":${object},\"size\":${size},"
                        + "\"imageInfo.width\":${imageInfo.width},\"x:user\":${x:user}}");
        assertThat(templates.get("ack").body()).isEqualTo("object=${object}&bucket=${bucket}");
    }

    @Test
    void filledSpecCarriesItsTokenOnlyOnceBound() {
        OssCallbackSpec unbound = avatar.fill(Map.of("user", "alice"));
        assertThat(unbound.requiresBinding()).isTrue();
        assertThat(unbound.urls()).containsExactly("http://callbacks.example/oss/avatar");
        assertThatThrownBy(unbound::callbackBase64).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind(CallbackTarget)");
        assertThatThrownBy(unbound::headers).isInstanceOf(IllegalStateException.class);

        CallbackTarget target = CallbackTarget.upload(UPLOAD.get("bucket"), UPLOAD.get("object"));
        OssCallbackSpec bound = unbound.bind(target);
        assertThat(bound.requiresBinding()).isFalse();
        assertThat(bound.target()).contains(target);
        assertThat(bound.urls()).singleElement().asString()
                .startsWith("http://callbacks.example/oss/avatar?" + CallbackToken.QUERY_PARAMETER + "=v2.");
        assertThat(bound.headers()).containsKeys("x-oss-callback", "x-oss-callback-var");
        // every binding issues a token of its own
        assertThat(unbound.bind(target).urls()).doesNotContainAnyElementsOf(bound.urls());
    }

    @Test
    void formCallbackBindsTheUploadAndCustomVariableOnAWorker() {
        String expected = "{\"user\":\"alice\",\"object\":\"avatars/alice 1.png\",\"size\":1234,\"width\":20}";
        call("avatar", Map.of("user", "alice"), UPLOAD)
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .header("Content-Length", String.valueOf(expected.getBytes(StandardCharsets.UTF_8).length))
                .body(equalTo(expected));
        OssUpload upload = Uploads.lastUpload;
        assertThat(upload.bucket()).isEqualTo("photos");
        assertThat(upload.crc64AsString()).isEqualTo("18446744073709551615");
        assertThat(upload.imageInfo()).hasValueSatisfying(i -> assertThat(i.height()).isEqualTo(40));
        assertThat(upload.vpcId()).isEmpty();
        assertThat(Uploads.THREADS.get("avatar")).isEqualTo(new ThreadRecord(false, true, false));
        assertThat(refusals.codes()).isEmpty();
    }

    @Test
    void jsonCallbackReturningUniRunsOnTheEventLoop() {
        call("json", Map.of("user", "bob"), Map.of("object", "a/b.jpg", "size", "99", "imageInfo.width", ""))
                .then().statusCode(200)
                .body(equalTo("{\"user\":\"bob\",\"object\":\"a/b.jpg\",\"size\":99,\"width\":null}"));
        assertThat(Uploads.THREADS.get("json")).isEqualTo(new ThreadRecord(true, false, false));
    }

    @Test
    void completionStageResultIsTheReply() {
        call("stage", Map.of(), Map.of("bucket", "photos")).then().statusCode(200)
                .body(equalTo("{\"bucket\":\"photos\"}"));
        assertThat(ThreadingCallbacks.THREADS.get("stage").eventLoop()).isTrue();
    }

    @Test
    void voidMethodIsAcknowledgedWithJson() {
        call("ack", Map.of(), Map.of("bucket", "photos")).then().statusCode(200)
                .header("Content-Length", "15").body(equalTo("{\"status\":\"OK\"}"));
        assertThat(Uploads.THREADS.get("ack")).isEqualTo(new ThreadRecord(false, true, false));
    }

    @Test
    void dependentBeanIsDestroyedAfterEachCallback() {
        int before = PerCallReceiver.DESTROYED.get();
        call("perCall", Map.of(), Map.of("bucket", "b")).then().statusCode(200);
        call("perCall", Map.of(), Map.of("bucket", "b")).then().statusCode(200);
        assertThat(PerCallReceiver.DESTROYED.get() - before).isEqualTo(2);
    }

    @Test
    void threadingAnnotationsAreHonoured() {
        call("nonBlocking", Map.of(), Map.of("bucket", "b1")).then().statusCode(200).body(equalTo("\"b1\""));
        call("blockingUni", Map.of(), Map.of("size", "7")).then().statusCode(200).body(equalTo("7"));
        call("virtual", Map.of(), Map.of("size", "8")).then().statusCode(200).body(equalTo("8"));
        assertThat(ThreadingCallbacks.THREADS.get("nonBlocking")).isEqualTo(new ThreadRecord(true, false, false));
        assertThat(ThreadingCallbacks.THREADS.get("blockingUni")).isEqualTo(new ThreadRecord(false, true, false));
        assertThat(ThreadingCallbacks.THREADS.get("virtual").eventLoop()).isFalse();
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads exist from Java 21")
    void runOnVirtualThreadRunsOnAVirtualThread() {
        call("virtual", Map.of(), Map.of("size", "9")).then().statusCode(200).body(equalTo("9"));
        assertThat(ThreadingCallbacks.THREADS.get("virtual").virtual()).isTrue();
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20, disabledReason = "from Java 21 the method runs on a virtual thread")
    void runOnVirtualThreadFallsBackToAWorkerBeforeJava21() {
        call("virtual", Map.of(), Map.of("size", "9")).then().statusCode(200).body(equalTo("9"));
        assertThat(ThreadingCallbacks.THREADS.get("virtual")).isEqualTo(new ThreadRecord(false, true, false));
    }

    @Test
    void methodFailureAnswers500WithoutDetails() {
        call("fails", Map.of(), Map.of("bucket", "b")).then().statusCode(500)
                .body(equalTo("{\"status\":\"error\",\"code\":500,\"reason\":\"callback method failed\"}"));
        assertThat(ThreadingCallbacks.CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("500 METHOD_FAILED");
    }

    @Test
    void refusalAnswersWithItsOwnStatus() {
        call("refuses", Map.of(), Map.of("bucket", "b")).then().statusCode(409)
                .body(equalTo("{\"status\":\"error\",\"code\":409,\"reason\":\"duplicate upload\"}"));
        assertThat(ThreadingCallbacks.CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("409 METHOD_REFUSED");
    }

    @Test
    void sameCallbackSentTwiceIsAcceptedOnce() {
        OssCallbackSpec spec = bound("ack", Map.of(), UPLOAD);
        String body = OssBodies.render(spec, UPLOAD);

        send(spec, body).then().statusCode(200).body(equalTo("{\"status\":\"OK\"}"));
        send(spec, body).then().statusCode(403).body(equalTo(TOKEN_REFUSED));

        assertThat(Uploads.CALLS).hasValue(1);
        assertThat(refusals.codes()).containsExactly("TOKEN_REPLAYED");
    }

    /** OSS retries a callback that was not answered with 200 (next URL): the token must still be good for that. */
    @Test
    void callbackTheMethodRefusedGivesItsTokenBack() {
        OssCallbackSpec spec = bound("refuses", Map.of(), UPLOAD);
        String body = OssBodies.render(spec, UPLOAD);

        send(spec, body).then().statusCode(409);
        send(spec, body).then().statusCode(409);

        assertThat(ThreadingCallbacks.CALLS).hasValue(2);
        assertThat(refusals.codes()).containsExactly("METHOD_REFUSED", "METHOD_REFUSED");
    }

    @Test
    void editedCustomVariableIsRefusedByTheToken() {
        OssCallbackSpec spec = bound("avatar", Map.of("user", "alice"), UPLOAD);
        Map<String, String> values = withVars(UPLOAD, spec);
        values.put("x:user", "mallory");
        send(spec, OssBodies.render(spec, values)).then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISMATCH");
    }

    @Test
    void callbackNamingAnotherObjectThanTheTokensIsRefused() {
        OssCallbackSpec spec = bound("avatar", Map.of("user", "alice"), UPLOAD);
        Map<String, String> values = withVars(UPLOAD, spec);
        values.put("object", "avatars/victim.png");
        send(spec, OssBodies.render(spec, values)).then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISMATCH");
    }

    @Test
    void expiredTokenIsRefused() {
        OssCallbackSpec spec = avatar.fill(Map.of("user", "alice"));
        String expired = new CallbackToken(SECRET.getBytes(StandardCharsets.UTF_8), new SecureRandom())
                .issue(new CallbackToken.Binding("avatar", UPLOAD.get("bucket"), UPLOAD.get("object"), false, false,
                        Map.of("x:user", "alice")), Instant.now().minusSeconds(60).getEpochSecond());
        Map<String, String> values = new HashMap<>(UPLOAD);
        values.put("x:user", "alice");
        SignedCallbacks.post("/oss/avatar?" + CallbackToken.QUERY_PARAMETER + "=" + expired, SignedCallbacks.FORM,
                OssBodies.render(spec, values))
                .then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_EXPIRED");
    }

    @Test
    void missingTokenIsRefused() {
        SignedCallbacks.post("/oss/ack", SignedCallbacks.FORM, "object=a.txt&bucket=photos")
                .then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISSING");
    }

    @Test
    void tokenOfTheFirstFormatIsMalformed() {
        SignedCallbacks.post("/oss/ack?" + CallbackToken.QUERY_PARAMETER + "=v1.4102444800.abc",
                SignedCallbacks.FORM, "object=a.txt&bucket=photos")
                .then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MALFORMED");
    }

    @Test
    void tokenOfAnotherCallbackIsRefused() {
        // the same upload, so that only the callback name differs
        String stageTarget = OssBodies.target(bound("stage", Map.of(), UPLOAD));
        String query = stageTarget.substring(stageTarget.indexOf('?'));
        SignedCallbacks.post("/oss/ack" + query, SignedCallbacks.FORM,
                OssBodies.render(templates.get("ack").fill().body(), CallbackBodyType.FORM, UPLOAD))
                .then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(ThreadingCallbacks.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("TOKEN_MISMATCH");
    }

    @Test
    void bodyOverTheLimitIs413AndNotInvoked() {
        String big = "object=a.txt&bucket=" + "x".repeat(3000);
        OssCallbackSpec spec = bound("ack", Map.of(), UPLOAD);
        send(spec, big).then().statusCode(413)
                .body(equalTo("{\"status\":\"error\",\"code\":413,\"reason\":\"callback body too large\"}"));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("BODY_TOO_LARGE");
    }

    @Test
    void malformedBodiesAre400() {
        send(bound("json", Map.of("user", "bob"), UPLOAD), "not json").then().statusCode(400);
        // the token holds (bucket and object are the bound ones): the size is what does not bind
        String pinned = "bucket=photos&object=" + URLEncoder.encode(UPLOAD.get("object"), StandardCharsets.UTF_8);
        send(bound("virtual", Map.of(), UPLOAD), pinned + "&size=twelve")
                .then().statusCode(400).body("reason", containsString("size"));
        send(bound("virtual", Map.of(), UPLOAD), pinned + "&other=1")
                .then().statusCode(400).body("reason", containsString("size"));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(ThreadingCallbacks.CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("400 BODY_INVALID", "400 BODY_INVALID",
                "400 BODY_INVALID");
    }
}
