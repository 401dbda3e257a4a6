package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * Each callback token is accepted once, by generated routes and resource methods alike: the same genuine callback
 * delivered twice is refused the second time; a callback whose method failed keeps its token, so that OSS's next
 * attempt is accepted, once; a genuine token presented with another object or bucket is refused.
 */
class SingleUseTokenTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Receivers.class, Hooks.class, TestCallbackKeys.class,
                    SignedCallbacks.class, OssBodies.class, RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.base-url", "http://callbacks.example")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "single-use-token-test-secret-0123456789");

    static final AtomicInteger CALLS = new AtomicInteger();
    /** How many of the next calls of {@code flaky} fail before it succeeds. */
    static final AtomicInteger FAILURES_TO_COME = new AtomicInteger();

    @ApplicationScoped
    static class Receivers {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        String avatar(OssUpload upload, @CallbackVar("user") String user) {
            CALLS.incrementAndGet();
            return user + ":" + upload.object();
        }

        @OssCallback(path = "/oss/flaky", name = "flaky")
        String flaky(OssUpload upload) {
            CALLS.incrementAndGet();
            if (FAILURES_TO_COME.getAndDecrement() > 0) {
                throw new IllegalStateException("the database is down");
            }
            return upload.object();
        }
    }

    @Path("/hooks")
    public static class Hooks {
        @POST
        @Path("avatar")
        @OssCallback(name = "restAvatar")
        public String avatar(OssUpload upload, @CallbackVar("user") String user) {
            CALLS.incrementAndGet();
            return user + ":" + upload.object();
        }
    }

    @Inject
    OssCallbackTemplates templates;

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        CALLS.set(0);
        FAILURES_TO_COME.set(0);
        refusals = RefusalRecords.capture();
    }

    /** A callback exactly as OSS would send it for the template's upload of {@code object} to bucket photos. */
    record Callback(String target, String body) {
        Response deliver() {
            return SignedCallbacks.post(target, SignedCallbacks.FORM, body);
        }
    }

    Callback callback(String name, Map<String, String> custom, String object, Map<String, String> sent) {
        OssCallbackSpec spec = templates.get(name).fill(custom)
                .bind(CallbackTarget.upload(OssBodies.SAMPLE_UPLOAD.get("bucket"), object));
        Map<String, String> values = new HashMap<>(OssBodies.SAMPLE_UPLOAD);
        values.put("object", object);
        spec.vars().forEach(values::put);
        values.putAll(sent);
        return new Callback(OssBodies.target(spec), OssBodies.render(spec, values));
    }

    @Test
    void sameGenuineCallbackDeliveredTwiceIsRefusedTheSecondTime() {
        Callback genuine = callback("avatar", Map.of("user", "alice"), "avatars/a.png", Map.of());

        genuine.deliver().then().statusCode(200).body(equalTo("\"alice:avatars/a.png\""));
        genuine.deliver().then().statusCode(403).body("reason", equalTo("token refused"));

        assertThat(CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("403 TOKEN_REPLAYED");
    }

    @Test
    void resourceMethodsAcceptEachTokenOnceToo() {
        Callback genuine = callback("restAvatar", Map.of("user", "bob"), "avatars/b.png", Map.of());

        genuine.deliver().then().statusCode(200);
        genuine.deliver().then().statusCode(403).body("reason", equalTo("token refused"));

        assertThat(CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("403 TOKEN_REPLAYED");
    }

    /** OSS tries the next callback URL after a failure: that attempt must still be accepted, and only once. */
    @Test
    void callbackWhoseMethodFailedIsAcceptedOnceAfterwards() {
        FAILURES_TO_COME.set(1);
        Callback genuine = callback("flaky", Map.of(), "uploads/f.bin", Map.of());

        genuine.deliver().then().statusCode(500).body("reason", equalTo("callback method failed"));
        genuine.deliver().then().statusCode(200).body(equalTo("\"uploads/f.bin\""));
        genuine.deliver().then().statusCode(403);

        assertThat(CALLS).hasValue(2);
        assertThat(refusals.statusesAndCodes()).containsExactly("500 METHOD_FAILED", "403 TOKEN_REPLAYED");
    }

    @Test
    void genuineTokenWithAnotherObjectIsRefused() {
        Callback other = callback("avatar", Map.of("user", "alice"), "avatars/a.png",
                Map.of("object", "avatars/victim.png"));

        other.deliver().then().statusCode(403).body("reason", equalTo("token refused"));

        assertThat(CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("403 TOKEN_MISMATCH");
    }

    @Test
    void genuineTokenWithAnotherBucketIsRefused() {
        Callback other = callback("avatar", Map.of("user", "alice"), "avatars/a.png",
                Map.of("bucket", "someone-elses-bucket"));

        other.deliver().then().statusCode(403).body("reason", equalTo("token refused"));

        assertThat(CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("403 TOKEN_MISMATCH");
    }

    /** A refused callback does not use up the token: the genuine one is still accepted afterwards. */
    @Test
    void forgedAttemptDoesNotUseUpTheGenuineToken() {
        Callback genuine = callback("avatar", Map.of("user", "alice"), "avatars/c.png", Map.of());
        Callback forged = new Callback(genuine.target(), genuine.body().replace("x%3Auser=alice", "x%3Auser=eve"));

        forged.deliver().then().statusCode(403);
        genuine.deliver().then().statusCode(200);

        assertThat(CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("403 TOKEN_MISMATCH");
    }
}
