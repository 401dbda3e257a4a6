package io.quarkiverse.alioss.deployment.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Another extension (form authentication, some OIDC set-ups) may install Vert.x's body handler on every route. It
 * keeps no buffer for multipart requests, so the bytes OSS signed are gone, and RESTEasy Reactive would read
 * {@code @RestForm} values from parts nobody verified. Such a request is refused before the method runs; a genuine
 * form callback still works, verified over the buffered body.
 */
class RestCallbackGlobalBodyHandlerTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class, GlobalBodyHandler.class, TestCallbackKeys.class,
                    SignedCallbacks.class, OssBodies.class, RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.base-url", "http://callbacks.example")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "global-body-handler-test-secret-0123456789");

    static final AtomicInteger CALLS = new AtomicInteger();

    /** What such an extension does: a body handler ahead of every route. */
    @ApplicationScoped
    static class GlobalBodyHandler {
        void install(@Observes Router router) {
            router.route().order(Integer.MIN_VALUE).handler(BodyHandler.create());
        }
    }

    @Path("/hooks")
    public static class Hooks {
        @POST
        @Path("note")
        @OssCallback(name = "note")
        public String note(@CallbackVar("note") String note, @RestForm("bucket") String bucket) {
            CALLS.incrementAndGet();
            return note + "@" + bucket;
        }
    }

    @Inject
    OssCallbackTemplates templates;

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        CALLS.set(0);
        refusals = RefusalRecords.capture();
    }

    /** Signed as OSS would sign an empty body; the multipart parts carry values nobody signed. */
    @Test
    void multipartRequestIsRefusedAndTheMethodDoesNotRun() {
        OssCallbackSpec spec = templates.get("note").fill(Map.of("note", "hello"))
                .bind(CallbackTarget.upload("photos", "notes/n.txt"));
        String target = OssBodies.target(spec);

        given().header("authorization", TestCallbackKeys.sign(SignedCallbacks.decodedPath(target), new byte[0]))
                .header("x-oss-pub-key-url", TestCallbackKeys.keyUrlHeader())
                .urlEncodingEnabled(false)
                .multiPart("bucket", "photos").multiPart("object", "notes/n.txt").multiPart("x:note", "hello")
                .post(target)
                .then().statusCode(400).body("reason", equalTo("callback body unavailable"));

        assertThat(CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("400 BODY_UNAVAILABLE");
    }

    @Test
    void genuineFormCallbackIsVerifiedOverTheBufferedBody() {
        OssCallbackSpec spec = templates.get("note").fill(Map.of("note", "hello"))
                .bind(CallbackTarget.upload("photos", "notes/n.txt"));
        Map<String, String> values = new HashMap<>(OssBodies.SAMPLE_UPLOAD);
        values.put("object", "notes/n.txt");
        values.put("x:note", "hello");

        SignedCallbacks.post(OssBodies.target(spec), SignedCallbacks.FORM, OssBodies.render(spec, values))
                .then().statusCode(200).body(equalTo("hello@photos"));

        assertThat(CALLS).hasValue(1);
    }

    /** A JSON content type on a form callback is not what OSS sends for it, even when the bytes are signed. */
    @Test
    void contentTypeOtherThanTheDeclaredBodyTypeIsRefused() {
        OssCallbackSpec spec = templates.get("note").fill(Map.of("note", "hello"))
                .bind(CallbackTarget.upload("photos", "notes/n.txt"));
        Map<String, String> values = new HashMap<>(OssBodies.SAMPLE_UPLOAD);
        values.put("object", "notes/n.txt");
        values.put("x:note", "hello");
        String body = OssBodies.render(spec, values);

        SignedCallbacks.post(OssBodies.target(spec), SignedCallbacks.JSON, body).then().statusCode(415);

        assertThat(CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("415 CONTENT_TYPE");
        assertThat(body.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
