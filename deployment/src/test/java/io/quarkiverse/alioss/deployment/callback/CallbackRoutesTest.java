package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackBodyType;
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
 * Signed callbacks, built from the injected templates the way OSS would send them, reach the methods with the right
 * values on the right threads; token, size, failure and refusal paths answer with their statuses.
 */
class CallbackRoutesTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Uploads.class, ThreadingCallbacks.class, Saved.class, ThreadRecord.class,
                    RequestState.class,
                    PerCallReceiver.class,
                    TestCallbackKeys.class, SignedCallbacks.class, OssBodies.class))
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

    @BeforeEach
    void reset() {
        Uploads.CALLS.set(0);
        Uploads.THREADS.clear();
        ThreadingCallbacks.reset();
    }

    private Response call(String name, Map<String, String> custom, Map<String, String> values) {
        OssCallbackSpec spec = templates.get(name).fill(custom);
        Map<String, String> all = new java.util.HashMap<>(values);
        spec.vars().forEach(all::put);
        return SignedCallbacks.post(OssBodies.target(spec), spec.bodyType().contentType(), OssBodies.render(spec, all));
    }

    @Test
    void templateHasExactlyTheBoundVariables() {
        assertThat(avatar.name()).isEqualTo("avatar");
        assertThat(avatar.path()).isEqualTo("/oss/avatar");
        assertThat(avatar.customVariables()).containsExactly("x:user");
        assertThat(avatar.body()).contains("bucket=${bucket}", "crc64=${crc64}", "=${x:user}");
        assertThat(templates.get("json").body())
                .isEqualTo("{\"object\":${object},\"size\":${size},\"imageInfo.width\":${imageInfo.width},"
                        + "\"x:user\":${x:user}}");
        OssCallbackSpec spec = avatar.fill(Map.of("user", "alice"));
        assertThat(spec.urls()).singleElement().asString()
                .startsWith("http://callbacks.example/oss/avatar?" + CallbackToken.QUERY_PARAMETER + "=v1.");
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
        assertThat(ThreadingCallbacks.THREADS.get("virtual").virtual()).isTrue();
        assertThat(ThreadingCallbacks.THREADS.get("virtual").eventLoop()).isFalse();
    }

    @Test
    void methodFailureAnswers500WithoutDetails() {
        call("fails", Map.of(), Map.of("bucket", "b")).then().statusCode(500)
                .body("reason", equalTo("callback method failed"));
        assertThat(ThreadingCallbacks.CALLS).hasValue(1);
    }

    @Test
    void refusalAnswersWithItsOwnStatus() {
        call("refuses", Map.of(), Map.of("bucket", "b")).then().statusCode(409)
                .body("reason", equalTo("duplicate upload"));
    }

    @Test
    void editedCustomVariableIsRefusedByTheToken() {
        OssCallbackSpec spec = avatar.fill(Map.of("user", "alice"));
        Map<String, String> values = new java.util.HashMap<>(UPLOAD);
        values.put("x:user", "mallory");
        SignedCallbacks.post(OssBodies.target(spec), SignedCallbacks.FORM, OssBodies.render(spec, values))
                .then().statusCode(403).body("reason", containsString("MISMATCH"));
        assertThat(Uploads.CALLS).hasValue(0);
    }

    @Test
    void expiredTokenIsRefused() {
        OssCallbackSpec spec = avatar.fill(Map.of("user", "alice"));
        String expired = new CallbackToken(SECRET.getBytes(StandardCharsets.UTF_8), new java.security.SecureRandom())
                .issue(new CallbackToken.Binding("avatar", UPLOAD.get("bucket"), UPLOAD.get("object"), false, false,
                        Map.of("x:user", "alice")), Instant.now().minusSeconds(60).getEpochSecond());
        Map<String, String> values = new java.util.HashMap<>(UPLOAD);
        values.put("x:user", "alice");
        SignedCallbacks.post("/oss/avatar?" + CallbackToken.QUERY_PARAMETER + "=" + expired, SignedCallbacks.FORM,
                OssBodies.render(spec, values))
                .then().statusCode(403).body("reason", containsString("EXPIRED"));
        assertThat(Uploads.CALLS).hasValue(0);
    }

    @Test
    void missingTokenIsRefused() {
        SignedCallbacks.post("/oss/ack", SignedCallbacks.FORM, "bucket=b")
                .then().statusCode(403).body("reason", containsString("MISSING"));
        assertThat(Uploads.CALLS).hasValue(0);
    }

    @Test
    void tokenOfAnotherCallbackIsRefused() {
        OssCallbackSpec stage = templates.get("stage").fill();
        String query = OssBodies.target(stage).substring(OssBodies.target(stage).indexOf('?'));
        SignedCallbacks.post("/oss/ack" + query, SignedCallbacks.FORM, "bucket=b")
                .then().statusCode(403).body("reason", containsString("MISMATCH"));
        assertThat(Uploads.CALLS).hasValue(0);
    }

    @Test
    void bodyOverTheLimitIs413AndNotInvoked() {
        String big = "bucket=" + "x".repeat(3000);
        OssCallbackSpec spec = templates.get("ack").fill();
        SignedCallbacks.post(OssBodies.target(spec), SignedCallbacks.FORM, big)
                .then().statusCode(413);
        assertThat(Uploads.CALLS).hasValue(0);
    }

    @Test
    void malformedBodiesAre400() {
        OssCallbackSpec json = templates.get("json").fill(Map.of("user", "bob"));
        SignedCallbacks.post(OssBodies.target(json), SignedCallbacks.JSON, "not json")
                .then().statusCode(400);
        OssCallbackSpec virtual = templates.get("virtual").fill();
        SignedCallbacks.post(OssBodies.target(virtual), SignedCallbacks.FORM, "size=twelve")
                .then().statusCode(400).body("reason", containsString("size"));
        SignedCallbacks.post(OssBodies.target(virtual), SignedCallbacks.FORM, "other=1")
                .then().statusCode(400).body("reason", containsString("size"));
        assertThat(Uploads.CALLS).hasValue(0);
        assertThat(ThreadingCallbacks.CALLS).hasValue(0);
    }
}
