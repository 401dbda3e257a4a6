package io.quarkiverse.alioss.runtime.callback.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.TestCallbackSigner;
import io.quarkiverse.alioss.model.ObjectMetadata;
import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackInvocation;
import io.quarkiverse.alioss.runtime.callback.CallbackParameter;
import io.quarkiverse.alioss.runtime.callback.CallbackResultKind;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStoreUnavailableException;
import io.quarkiverse.alioss.runtime.callback.token.MemoryTokenStore;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;
import io.smallrye.mutiny.Uni;

/**
 * The receive pipeline every callback endpoint runs, without HTTP: each way a callback can fail ends in exactly one
 * refusal code and status, and only a genuine callback for the upload its token names is accepted, once.
 */
class CallbackIntakeTest {

    static final String KEY_URL = "https://keys.example.com/test.pem";
    static final TestCallbackSigner SIGNER = new TestCallbackSigner();
    static final byte[] SECRET = "intake-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final String BUCKET = "photos";
    static final String OBJECT = "avatars/alice 1.png";
    static final String FORM = "application/x-www-form-urlencoded";

    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    /** What OSS holds, for the confirmation's HEAD; null for a missing object. */
    final Map<String, ObjectMetadata> stored = new HashMap<>();
    final AtomicInteger heads = new AtomicInteger();
    final AtomicReference<RuntimeException> headFailure = new AtomicReference<>();
    CallbackTokenStore store;
    CallbackRouteServices services;
    CallbackIntake intake;
    CallbackTemplate template;

    @BeforeEach
    void setUp() {
        store = new MemoryTokenStore(1000, clock);
        services = services(store, bucket -> BUCKET.equals(bucket) ? Optional.of(client()) : Optional.empty());
        CallbackEndpoint endpoint = endpoint(false);
        intake = CallbackIntake.of(endpoint, services);
        template = CallbackTemplate.of(endpoint);
    }

    CallbackRouteServices services(CallbackTokenStore tokenStore,
            Function<String, Optional<ReactiveOssClient>> clients) {
        OssCallbackSettings settings = new OssCallbackSettings(List.of(URI.create("https://app.example.com")),
                64 * 1024, Duration.ofSeconds(10), Set.of(), Map.of(), Duration.ofSeconds(5),
                new OssCallbackSettings.Token(true, Optional.empty(), Duration.ofMinutes(15), Duration.ofMinutes(15),
                        1000),
                Map.of());
        OssCallbackVerifier verifier = OssCallbackVerifier.builder().trustKey(KEY_URL, SIGNER.pem()).build();
        return new CallbackRouteServices(verifier, settings, new CallbackToken(SECRET, new SecureRandom()),
                tokenStore, clients, new ObjectMapper(), clock);
    }

    static CallbackEndpoint endpoint(boolean confirm) {
        return endpoint(CallbackBodyType.FORM, confirm);
    }

    static CallbackEndpoint endpoint(CallbackBodyType bodyType, boolean confirm) {
        return new CallbackEndpoint("avatar", "/oss/avatar", "/oss/avatar", bodyType, "", false, confirm,
                null, "Avatars#uploaded(OssUpload, String)", CallbackInvocation.EVENT_LOOP, CallbackResultKind.VALUE,
                List.of(new CallbackParameter(CallbackParameter.Source.UPLOAD, null, null, OssUpload.class, false),
                        new CallbackParameter(CallbackParameter.Source.CUSTOM_VAR, "x:user", "x:user", String.class,
                                false)));
    }

    /** A client whose only working operation is the HEAD the confirmation makes. */
    ReactiveOssClient client() {
        return (ReactiveOssClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ReactiveOssClient.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("headObject")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    heads.incrementAndGet();
                    if (headFailure.get() != null) {
                        return Uni.createFrom().failure(headFailure.get());
                    }
                    ObjectMetadata metadata = stored.get((String) args[0]);
                    return metadata == null
                            ? Uni.createFrom().failure(new OssException(404, "NoSuchKey", "The specified key does not"
                                    + " exist.", "req", "host", null, "HEAD", (String) args[0], null))
                            : Uni.createFrom().item(metadata);
                });
    }

    /** A callback as OSS sends it for {@code target}'s upload, with these system values, signed. */
    record Sent(String requestTarget, byte[] body, String authorization) {
    }

    Sent sent(CallbackTarget target, String user, Map<String, String> overrides) {
        OssCallbackSpec spec = template.fill(List.of("https://app.example.com/oss/avatar"), Map.of("user", user),
                (t, vars) -> services.tokenIssuer().queryFor("avatar", t, vars)).bind(target);
        Map<String, String> values = new HashMap<>(CallbackTemplateTest.SYSTEM_VALUES);
        values.put("bucket", BUCKET);
        values.put("object", OBJECT);
        values.put("x:user", user);
        values.putAll(overrides);
        return signed(spec.urls().get(0).substring("https://app.example.com".length()), substitute(values));
    }

    byte[] substitute(Map<String, String> values) {
        try {
            return CallbackTemplateTest.substitute(template.body(), CallbackBodyType.FORM, values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Sent signed(String requestTarget, byte[] body) {
        int q = requestTarget.indexOf('?');
        String decoded = URLDecoder.decode(q < 0 ? requestTarget : requestTarget.substring(0, q),
                StandardCharsets.UTF_8) + (q < 0 ? "" : requestTarget.substring(q));
        return new Sent(requestTarget, body, SIGNER.sign(decoded, body));
    }

    CallbackIntake.Accepted accept(Sent sent) {
        return accept(intake, sent, FORM);
    }

    static CallbackIntake.Accepted accept(CallbackIntake intake, Sent sent, String contentType) {
        return intake.accept(sent.requestTarget(), contentType, sent.authorization(),
                TestCallbackSigner.b64(KEY_URL), sent.body()).await().atMost(Duration.ofSeconds(5));
    }

    /** The status and code of the refusal, or "accepted". */
    String outcome(Sent sent) {
        return outcome(intake, sent, FORM);
    }

    static String outcome(CallbackIntake intake, Sent sent, String contentType) {
        try {
            CallbackIntake.Accepted accepted = accept(intake, sent, contentType);
            accepted.settle(true);
            return "accepted";
        } catch (Throwable failure) {
            CallbackRefusal refusal = CallbackRefusal.of(failure);
            return refusal.status() + " " + refusal.code() + " (" + refusal.reason() + ")";
        }
    }

    @Test
    void genuineCallbackForItsUploadIsAcceptedWithItsArguments() {
        CallbackIntake.Accepted accepted = accept(sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of()));

        OssUpload upload = (OssUpload) accepted.arguments()[0];
        assertThat(upload.bucket()).isEqualTo(BUCKET);
        assertThat(upload.object()).isEqualTo(OBJECT);
        assertThat(accepted.arguments()[1]).isEqualTo("alice");
        assertThat(heads).as("the application's own upload is not confirmed").hasValue(0);
    }

    @Test
    void signatureProblemsAreVerificationFailures() {
        Sent genuine = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        Sent tampered = new Sent(genuine.requestTarget(), "bucket=photos&size=1".getBytes(StandardCharsets.UTF_8),
                genuine.authorization());
        assertThat(outcome(tampered)).isEqualTo("403 BAD_SIGNATURE (verification failed)");
        assertThat(outcome(new Sent(genuine.requestTarget(), genuine.body(), null)))
                .isEqualTo("403 MISSING_AUTHORIZATION (verification failed)");
        assertThat(intakeOutcome(genuine, "https://attacker.example/key.pem"))
                .isEqualTo("403 UNTRUSTED_KEY_URL (verification failed)");
    }

    String intakeOutcome(Sent sent, String keyUrl) {
        try {
            intake.accept(sent.requestTarget(), FORM, sent.authorization(), TestCallbackSigner.b64(keyUrl),
                    sent.body()).await().atMost(Duration.ofSeconds(5));
            return "accepted";
        } catch (Throwable failure) {
            CallbackRefusal refusal = CallbackRefusal.of(failure);
            return refusal.status() + " " + refusal.code() + " (" + refusal.reason() + ")";
        }
    }

    @Test
    void contentTypeOtherThanTheDeclaredBodyTypeIsRefused() {
        Sent genuine = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        assertThat(outcome(intake, genuine, "multipart/form-data; boundary=x"))
                .isEqualTo("415 CONTENT_TYPE (callback content type not accepted)");
        assertThat(outcome(intake, genuine, null)).startsWith("415 CONTENT_TYPE");
        assertThat(outcome(intake, genuine, "Application/X-WWW-Form-Urlencoded; charset=UTF-8")).isEqualTo("accepted");
    }

    /** Signed by OSS, but written by whoever uploaded: without the application's token it proves nothing. */
    @Test
    void callbackWithoutTokenIsRefused() {
        byte[] body = substitute(Map.of("bucket", BUCKET, "object", OBJECT, "x:user", "victim"));
        assertThat(outcome(signed("/oss/avatar", body))).isEqualTo("403 TOKEN_MISSING (token refused)");
        assertThat(outcome(signed("/oss/avatar?oss-cb-token=v1.123.abc", body))).startsWith("403 TOKEN_MALFORMED");
    }

    @Test
    void genuineTokenForAnotherObjectBucketOrUserIsRefused() {
        CallbackTarget target = CallbackTarget.upload(BUCKET, OBJECT);
        assertThat(outcome(sent(target, "alice", Map.of("object", "avatars/bob.png"))))
                .isEqualTo("403 TOKEN_MISMATCH (token refused)");
        assertThat(outcome(sent(target, "alice", Map.of("bucket", "attacker-bucket"))))
                .isEqualTo("403 TOKEN_MISMATCH (token refused)");
        Sent forAlice = sent(target, "alice", Map.of());
        byte[] asMallory = new String(forAlice.body(), StandardCharsets.UTF_8).replace("x%3Auser=alice",
                "x%3Auser=mallory").getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(signed(forAlice.requestTarget(), asMallory))).isEqualTo("403 TOKEN_MISMATCH (token refused)");
    }

    @Test
    void expiredTokenIsRefused() {
        Sent sent = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        now.set(NOW.plus(Duration.ofMinutes(16)));
        assertThat(outcome(sent)).isEqualTo("403 TOKEN_EXPIRED (token refused)");
    }

    @Test
    void tokenIsAcceptedOnce() {
        Sent sent = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        assertThat(outcome(sent)).isEqualTo("accepted");
        assertThat(outcome(sent)).isEqualTo("403 TOKEN_REPLAYED (token refused)");
    }

    /** OSS tries its next callback URL when one fails: a callback the method did not accept keeps its token. */
    @Test
    void callbackThatWasNotAcceptedGivesItsTokenBack() {
        Sent sent = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        accept(sent).settle(false);
        CallbackIntake.Accepted second = accept(sent);
        assertThat(outcome(sent)).as("in progress counts as used").isEqualTo("403 TOKEN_REPLAYED (token refused)");
        second.settle(true);
        assertThat(outcome(sent)).isEqualTo("403 TOKEN_REPLAYED (token refused)");
    }

    @Test
    void storeThatCannotTellRefusesWith503() {
        CallbackTokenStore broken = new CallbackTokenStore() {
            @Override
            public Uni<Boolean> claim(String id, Instant expiry) {
                return Uni.createFrom().failure(new CallbackTokenStoreUnavailableException("down"));
            }

            @Override
            public Uni<Void> release(String id) {
                return Uni.createFrom().voidItem();
            }
        };
        services = services(broken, bucket -> Optional.empty());
        intake = CallbackIntake.of(endpoint(false), services);
        assertThat(outcome(sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of())))
                .isEqualTo("503 TOKEN_STORE_UNAVAILABLE (token refused)");
    }

    @Test
    void handedOutUploadIsConfirmedWithOss() {
        CallbackTarget form = CallbackTarget.postObject(BUCKET, OBJECT, Duration.ofMinutes(10));
        stored.put(OBJECT, metadata(5385, "D8E8FCA2DC0F896FD7CB4CB0031BA249", Long.parseUnsignedLong("17461123456789012000"),
                "image/png"));

        assertThat(outcome(sent(form, "alice", Map.of()))).isEqualTo("accepted");
        assertThat(heads).hasValue(1);
    }

    @Test
    void handedOutUploadWithOtherValuesThanOssHoldsIsRefused() {
        CallbackTarget form = CallbackTarget.postObject(BUCKET, OBJECT, Duration.ofMinutes(10));
        stored.put(OBJECT, metadata(5385, "D8E8FCA2DC0F896FD7CB4CB0031BA249", Long.parseUnsignedLong("17461123456789012000"),
                "image/png"));

        assertThat(outcome(sent(form, "alice", Map.of("size", "1048576"))))
                .isEqualTo("403 NOT_CONFIRMED (callback not confirmed)");
        assertThat(outcome(sent(form, "alice", Map.of("etag", "00000000000000000000000000000000"))))
                .startsWith("403 NOT_CONFIRMED");
        assertThat(outcome(sent(form, "alice", Map.of("crc64", "1")))).startsWith("403 NOT_CONFIRMED");
        assertThat(outcome(sent(form, "alice", Map.of("mimeType", "text/html")))).startsWith("403 NOT_CONFIRMED");
    }

    @Test
    void handedOutUploadOfAMissingObjectIsRefused() {
        Sent sent = sent(CallbackTarget.presignedUpload(BUCKET, OBJECT, Duration.ofMinutes(5)), "alice", Map.of());
        assertThat(outcome(sent)).isEqualTo("403 NOT_CONFIRMED (callback not confirmed)");

        // the refused callback gave its token back: once the object is there, the same callback is accepted
        stored.put(OBJECT, metadata(5385, "D8E8FCA2DC0F896FD7CB4CB0031BA249", Long.parseUnsignedLong("17461123456789012000"),
                "image/png"));
        assertThat(outcome(sent)).isEqualTo("accepted");
    }

    @Test
    void confirmationThatCannotAskOssIsA503() {
        headFailure.set(new OssException(0, "ConnectionRefused", "connection refused", null, null, null, "HEAD",
                OBJECT, null));
        Sent sent = sent(CallbackTarget.presignedUpload(BUCKET, OBJECT, Duration.ofMinutes(5)), "alice", Map.of());
        assertThat(outcome(sent)).isEqualTo("503 CONFIRMATION_UNAVAILABLE (callback not confirmed)");

        services = services(store, bucket -> Optional.empty());
        intake = CallbackIntake.of(endpoint(false), services);
        Sent noClient = sent(CallbackTarget.presignedUpload(BUCKET, OBJECT, Duration.ofMinutes(5)), "alice",
                Map.of());
        assertThat(outcome(noClient)).isEqualTo("503 CONFIRMATION_UNAVAILABLE (callback not confirmed)");
    }

    @Test
    void methodCanAskForConfirmationOfEveryCallback() {
        intake = CallbackIntake.of(endpoint(true), services);
        Sent sent = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        assertThat(outcome(sent)).isEqualTo("403 NOT_CONFIRMED (callback not confirmed)");
        assertThat(heads).hasValue(1);
    }

    @Test
    void bodyThatDoesNotBindIsA400NamingTheField() {
        Sent sent = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of("size", "twelve"));
        assertThat(outcome(sent)).startsWith("400 BODY_INVALID (callback body field 'size'");
    }

    @Test
    void twoFieldsOfOneVariableThatDisagreeAreRefused() {
        Sent genuine = sent(CallbackTarget.upload(BUCKET, OBJECT), "alice", Map.of());
        byte[] twice = (new String(genuine.body(), StandardCharsets.UTF_8) + "&x%3Auser=mallory")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(signed(genuine.requestTarget(), twice))).startsWith("400 BODY_INVALID");
    }

    static ObjectMetadata metadata(long size, String etag, long crc64, String type) {
        return new ObjectMetadata(OBJECT, size, type, etag, Optional.empty(), OptionalLong.of(crc64), "Normal",
                Map.of(), "req", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty());
    }
}
