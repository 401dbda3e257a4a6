package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
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
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * Callbacks performed and signed by the OSS emulator after real uploads with the injected client reach the generated
 * routes, which trust only the emulator's key URL; the app runs under a non-root {@code quarkus.http.root-path}. Every
 * parameter kind (the whole {@link OssUpload}, single system variables, custom variables) and type, both body types,
 * each return and threading kind, a failing and a refusing method, an oversize body, a callback without its
 * signature headers and one replayed. The client binds each callback to its upload (the token); refusals are
 * asserted by the code the route logs.
 */
class EmulatorSignedCallbackRoutesTest {

    static final String SECRET = "emulator-signed-routes-test-secret-0123456789";

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Receivers.class, ThreadingCallbacks.class, Tier.class,
                    ThreadRecord.class, TestEmulator.class, CapturingCallbackServer.class,
                    CapturingCallbackServer.Captured.class, SignedCallbacks.class, TestCallbackKeys.class,
                    RefusalRecords.class)),
            SECRET)
            .overrideConfigKey("quarkus.http.root-path", "/api")
            .overrideConfigKey("quarkus.oss.callback.max-body-size", "2K");

    enum Tier {
        FREE,
        PRO
    }

    @ApplicationScoped
    static class Receivers {
        static final AtomicInteger CALLS = new AtomicInteger();
        static final Map<String, ThreadRecord> THREADS = new ConcurrentHashMap<>();
        static volatile OssUpload lastUpload;

        /** Form body, plain return type: a worker thread. Primitives, enum, UUID, String, BigInteger, Optional. */
        @OssCallback(path = "/oss/form", name = "form")
        Map<String, Object> form(OssUpload upload, @SystemVar("size") long size, @SystemVar("imageInfo.width") int width,
                @SystemVar("crc64") BigInteger crc64, @SystemVar("vpcId") Optional<String> vpcId,
                @CallbackVar("count") short count, @CallbackVar("level") byte level, @CallbackVar("grade") char grade,
                @CallbackVar("flag") boolean flag, @CallbackVar("ratio") double ratio, @CallbackVar("weight") float weight,
                @CallbackVar("tier") Tier tier, @CallbackVar("id") UUID id, @CallbackVar("note") String note) {
            record("form");
            lastUpload = upload;
            return values("size", size, "width", width, "crc64", crc64, "vpcId", vpcId.orElse("(empty)"),
                    "count", count, "level", level, "grade", grade, "flag", flag, "ratio", ratio, "weight", weight,
                    "tier", tier, "id", id, "note", note);
        }

        /** JSON body, {@code Uni}: the event loop. Wrappers, BigDecimal, Optional of several types, renamed keys. */
        @OssCallback(path = "/oss/json", name = "json", bodyType = CallbackBodyType.JSON)
        Uni<Map<String, Object>> json(OssUpload upload, @SystemVar("size") Long size,
                @SystemVar(value = "imageInfo.height", key = "h") Integer height,
                @SystemVar("imageInfo.format") String format, @SystemVar("operation") String operation,
                @CallbackVar("count") Short count, @CallbackVar("level") Byte level, @CallbackVar("grade") Character grade,
                @CallbackVar("flag") Boolean flag, @CallbackVar("ratio") Double ratio, @CallbackVar("weight") Float weight,
                @CallbackVar("n") Integer n, @CallbackVar("big") Long big, @CallbackVar("price") BigDecimal price,
                @CallbackVar("maybe") Optional<Integer> maybe, @CallbackVar("tier") Optional<Tier> tier,
                @CallbackVar(value = "id", key = "uuid") Optional<UUID> id, @CallbackVar("note") String note) {
            record("json");
            lastUpload = upload;
            return Uni.createFrom().item(values("size", size, "height", height, "format", format, "operation", operation,
                    "count", count, "level", level, "grade", grade, "flag", flag, "ratio", ratio, "weight", weight,
                    "n", n, "big", big, "price", price, "maybe", maybe.map(String::valueOf).orElse("(empty)"),
                    "tier", tier.orElseThrow(), "id", id.orElseThrow(), "note", note));
        }

        @OssCallback(path = "/oss/ack", name = "ack")
        void ack(@SystemVar("object") String object) {
            record("ack");
        }

        @OssCallback(path = "/oss/limited", name = "limited")
        void limited(@CallbackVar("blob") String blob) {
            record("limited");
        }

        private static void record(String method) {
            CALLS.incrementAndGet();
            THREADS.put(method, ThreadRecord.current());
        }

        private static Map<String, Object> values(Object... namesAndValues) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                values.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
            }
            return values;
        }
    }

    @Inject
    OssClient client;

    @Inject
    OssCallbackTemplates templates;

    @Inject
    @CallbackTemplateName("form")
    OssCallbackTemplate form;

    static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    /** Characters that form and JSON encoding must carry through: space, &, =, +, %, quote, backslash, non-ASCII. */
    static final String NOTE = "a b&c=d+e%20 \"q\" \\ é/中";
    static final String VERIFICATION_FAILED = "{\"status\":\"error\",\"code\":403,\"reason\":\"verification failed\"}";
    static final String TOKEN_REFUSED = "{\"status\":\"error\",\"code\":403,\"reason\":\"token refused\"}";

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        Receivers.CALLS.set(0);
        Receivers.THREADS.clear();
        Receivers.lastUpload = null;
        ThreadingCallbacks.reset();
        refusals = RefusalRecords.capture();
    }

    @Test
    void formCallbackBindsEveryKindAndTypeOnAWorker() {
        byte[] png = png(3, 2);
        OssCallbackSpec spec = form.fill(Map.of("count", "-12", "level", "7", "grade", "A", "flag", "true",
                "ratio", "2.5", "weight", "0.25", "tier", "PRO", "id", ID.toString(), "note", NOTE));
        assertThat(form.path()).isEqualTo("/api/oss/form");
        // the client binds the spec to the upload, which issues the token
        assertThat(spec.requiresBinding()).isTrue();
        assertThat(spec.urls()).containsExactly("http://localhost:" + TestEmulator.appPort() + "/api/oss/form");

        UploadResult result = client.putObject("routes/form.png", png,
                UploadOptions.defaults().contentType("image/png").callback(spec));

        JsonNode reply = result.callbackReply().orElseThrow().asJson();
        assertThat(reply.get("size").asText()).isEqualTo("" + png.length);
        assertThat(reply.get("width").asText()).isEqualTo("3");
        assertThat(reply.get("crc64").asText()).isEqualTo(Long.toUnsignedString(result.crc64().getAsLong()));
        assertThat(reply.get("vpcId").asText()).isEqualTo("(empty)");
        assertThat(reply.get("count").asText()).isEqualTo("-12");
        assertThat(reply.get("level").asText()).isEqualTo("7");
        assertThat(reply.get("grade").asText()).isEqualTo("A");
        assertThat(reply.get("flag").asText()).isEqualTo("true");
        assertThat(reply.get("ratio").asText()).isEqualTo("2.5");
        assertThat(reply.get("weight").asText()).isEqualTo("0.25");
        assertThat(reply.get("tier").asText()).isEqualTo("PRO");
        assertThat(reply.get("id").asText()).isEqualTo(ID.toString());
        assertThat(reply.get("note").asText()).isEqualTo(NOTE);
        assertUploadMatches(Receivers.lastUpload, result, png, "PutObject");
        assertThat(refusals.codes()).isEmpty();
        assertThat(Receivers.lastUpload.imageInfo()).hasValueSatisfying(image -> {
            assertThat(image.width()).isEqualTo(3);
            assertThat(image.height()).isEqualTo(2);
            assertThat(image.format()).isEqualToIgnoringCase("png");
        });
        assertThat(Receivers.THREADS.get("form")).isEqualTo(new ThreadRecord(false, true, false));
    }

    @Test
    void jsonCallbackBindsWrappersAndOptionalsOnTheEventLoop() {
        byte[] png = png(5, 4);
        OssCallbackSpec spec = templates.get("json").fill(Map.ofEntries(Map.entry("count", "300"),
                Map.entry("level", "-8"), Map.entry("grade", "z"), Map.entry("flag", "false"), Map.entry("ratio", "-0.5"),
                Map.entry("weight", "1.5"), Map.entry("n", "2147483647"), Map.entry("big", "9007199254740993"),
                Map.entry("price", "19.99"), Map.entry("maybe", ""), Map.entry("tier", "FREE"),
                Map.entry("id", ID.toString()), Map.entry("note", NOTE)));
        assertThat(spec.body()).contains("\"h\":${imageInfo.height}", "\"uuid\":${x:id}");

        UploadResult result = client.putObject("routes/json.png", png,
                UploadOptions.defaults().contentType("image/png").callback(spec));

        JsonNode reply = result.callbackReply().orElseThrow().asJson();
        assertThat(reply.get("size").asText()).isEqualTo("" + png.length);
        assertThat(reply.get("height").asText()).isEqualTo("4");
        assertThat(reply.get("format").asText()).isEqualToIgnoringCase("png");
        assertThat(reply.get("operation").asText()).isEqualTo("PutObject");
        assertThat(reply.get("count").asText()).isEqualTo("300");
        assertThat(reply.get("level").asText()).isEqualTo("-8");
        assertThat(reply.get("grade").asText()).isEqualTo("z");
        assertThat(reply.get("flag").asText()).isEqualTo("false");
        assertThat(reply.get("ratio").asText()).isEqualTo("-0.5");
        assertThat(reply.get("weight").asText()).isEqualTo("1.5");
        assertThat(reply.get("n").asText()).isEqualTo("2147483647");
        assertThat(reply.get("big").asText()).isEqualTo("9007199254740993");
        assertThat(reply.get("price").asText()).isEqualTo("19.99");
        assertThat(reply.get("maybe").asText()).isEqualTo("(empty)");
        assertThat(reply.get("tier").asText()).isEqualTo("FREE");
        assertThat(reply.get("id").asText()).isEqualTo(ID.toString());
        assertThat(reply.get("note").asText()).isEqualTo(NOTE);
        assertUploadMatches(Receivers.lastUpload, result, png, "PutObject");
        assertThat(Receivers.THREADS.get("json")).isEqualTo(new ThreadRecord(true, false, false));
    }

    @Test
    void eachReturnAndThreadingKindRepliesThroughTheEmulator() {
        byte[] content = "threading".getBytes(StandardCharsets.UTF_8);
        assertThat(put("stage", "routes/stage.txt", content)).isEqualTo("{\"bucket\":\"" + TestEmulator.BUCKET + "\"}");
        assertThat(put("ack", "routes/ack.txt", content)).isEqualTo("{\"status\":\"OK\"}");
        assertThat(put("blockingUni", "routes/blocking.txt", content)).isEqualTo("" + content.length);
        assertThat(put("nonBlocking", "routes/non-blocking.txt", content)).isEqualTo("\"" + TestEmulator.BUCKET + "\"");
        assertThat(put("virtual", "routes/virtual.txt", content)).isEqualTo("" + content.length);

        assertThat(ThreadingCallbacks.THREADS.get("stage").eventLoop()).isTrue();
        assertThat(Receivers.THREADS.get("ack")).isEqualTo(new ThreadRecord(false, true, false));
        assertThat(ThreadingCallbacks.THREADS.get("blockingUni")).isEqualTo(new ThreadRecord(false, true, false));
        assertThat(ThreadingCallbacks.THREADS.get("nonBlocking")).isEqualTo(new ThreadRecord(true, false, false));
        assertThat(ThreadingCallbacks.THREADS.get("virtual").eventLoop()).isFalse();
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads exist from Java 21")
    void runOnVirtualThreadMethodRepliesFromAVirtualThread() {
        byte[] content = "virtual".getBytes(StandardCharsets.UTF_8);
        assertThat(put("virtual", "routes/virtual-only.txt", content)).isEqualTo("" + content.length);
        assertThat(ThreadingCallbacks.THREADS.get("virtual").virtual()).isTrue();
    }

    @Test
    void failingMethodIs500AndTheUploaderGetsCallbackFailed() {
        assertCallbackFailed(() -> put("fails", "routes/fails.txt", new byte[] { 1 }), 500);
        assertThat(ThreadingCallbacks.CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("500 METHOD_FAILED");
    }

    @Test
    void refusingMethodAnswersItsOwnStatus() {
        assertCallbackFailed(() -> put("refuses", "routes/refuses.txt", new byte[] { 1 }), 409);
        assertThat(ThreadingCallbacks.CALLS).hasValue(1);
        assertThat(refusals.statusesAndCodes()).containsExactly("409 METHOD_REFUSED");
    }

    @Test
    void oversizeCallbackBodyIs413AndTheMethodIsNotInvoked() {
        // the emulator substitutes the variable into the body: 3000 bytes against a 2K limit
        OssCallbackSpec spec = templates.get("limited").fill(Map.of("blob", "x".repeat(3000)));
        assertCallbackFailed(() -> client.putObject("routes/limited.txt", new byte[] { 1 },
                UploadOptions.defaults().callback(spec)), 413);
        assertThat(Receivers.CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("413 BODY_TOO_LARGE");
    }

    /**
     * A callback exactly as the emulator signed it (captured on its way, then replayed) passes, once; without its
     * {@code authorization} or {@code x-oss-pub-key-url} header, or with one body byte changed, it is refused before
     * its token is looked at, so the token is still good for the genuine one.
     */
    @Test
    void emulatorSignedCallbackWithoutItsHeadersIsRefused() throws Exception {
        String key = "routes/captured.txt";
        OssCallbackSpec bound = templates.get("ack").fill().bind(CallbackTarget.upload(TestEmulator.BUCKET, key));
        String target = bound.urls().get(0).substring(bound.urls().get(0).indexOf("/api/"));
        assertThat(target).startsWith("/api/oss/ack?" + CallbackToken.QUERY_PARAMETER + "=v2.");
        CapturingCallbackServer.Captured captured;
        try (CapturingCallbackServer capture = CapturingCallbackServer.start()) {
            OssCallbackSpec detour = OssCallbackSpec.builder().url(capture.baseUrl() + target).body(bound.body())
                    .bodyType(bound.bodyType()).build();
            client.putObject(key, new byte[] { 1 }, UploadOptions.defaults().callback(detour));
            captured = capture.awaitCallback();
        }
        assertThat(captured.target()).isEqualTo(target);
        // REST Assured adds the root path itself
        String path = target.substring("/api".length());

        SignedCallbacks.send(path, captured.contentType(), captured.body(), null, captured.keyUrl())
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        SignedCallbacks.send(path, captured.contentType(), captured.body(), captured.authorization(), null)
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        byte[] altered = captured.body().clone();
        altered[altered.length - 1] ^= 1;
        SignedCallbacks.send(path, captured.contentType(), altered, captured.authorization(), captured.keyUrl())
                .then().statusCode(403).body(equalTo(VERIFICATION_FAILED));
        assertThat(Receivers.CALLS).hasValue(0);
        assertThat(refusals.codes()).containsExactly("MISSING_AUTHORIZATION", "MISSING_KEY_URL", "BAD_SIGNATURE");

        SignedCallbacks.send(path, captured.contentType(), captured.body(), captured.authorization(), captured.keyUrl())
                .then().statusCode(200).body(equalTo("{\"status\":\"OK\"}"));
        assertThat(Receivers.CALLS).hasValue(1);

        // the genuine callback once more: its token was used
        SignedCallbacks.send(path, captured.contentType(), captured.body(), captured.authorization(), captured.keyUrl())
                .then().statusCode(403).body(equalTo(TOKEN_REFUSED));
        assertThat(Receivers.CALLS).hasValue(1);
        assertThat(refusals.codes()).containsExactly("MISSING_AUTHORIZATION", "MISSING_KEY_URL", "BAD_SIGNATURE",
                "TOKEN_REPLAYED");
    }

    private String put(String callback, String key, byte[] content) {
        OssCallbackSpec spec = templates.get(callback).fill();
        return client.putObject(key, content, UploadOptions.defaults().callback(spec)).callbackReply().orElseThrow()
                .asString();
    }

    private static void assertCallbackFailed(Runnable upload, int appStatus) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(OssCallbackFailedException.class, e -> {
            assertThat(e.status()).isEqualTo(203);
            assertThat(e.objectStored()).isTrue();
            assertThat(e.ossMessage()).contains("Error status : " + appStatus);
        });
    }

    private static void assertUploadMatches(OssUpload upload, UploadResult result, byte[] content, String operation) {
        assertThat(upload.bucket()).isEqualTo(TestEmulator.BUCKET);
        assertThat(upload.object()).isEqualTo(result.key());
        assertThat(upload.etag()).isEqualToIgnoringCase(result.etag());
        assertThat(upload.size()).isEqualTo(content.length);
        assertThat(upload.mimeType()).isEqualTo("image/png");
        assertThat(upload.crc64()).isEqualTo(result.crc64().getAsLong());
        assertThat(upload.contentMd5()).hasValue(md5(content));
        assertThat(upload.vpcId()).isEmpty();
        assertThat(upload.clientIp()).isNotEmpty();
        assertThat(upload.reqId()).isEqualTo(result.requestId());
        assertThat(upload.operation()).isEqualTo(operation);
    }

    private static String md5(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real PNG, so the emulator reports image info. */
    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
