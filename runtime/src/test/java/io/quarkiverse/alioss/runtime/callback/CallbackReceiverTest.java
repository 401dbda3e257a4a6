package io.quarkiverse.alioss.runtime.callback;

import static io.quarkiverse.alioss.callback.TestCallbackSigner.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.OssCallbackVerificationException;
import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkiverse.alioss.callback.TestCallbackSigner;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate.Field;

/** Signature, body and token checks in the order a generated route runs them, and the replies for refusals. */
class CallbackReceiverTest {

    static final String KEY_URL = "http://127.0.0.1:1/emulator.pem";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    final TestCallbackSigner signer = new TestCallbackSigner();
    final OssCallbackVerifier verifier = OssCallbackVerifier.builder().trustKey(KEY_URL, signer.keyPair.getPublic())
            .build();
    final CallbackToken tokens = new CallbackToken("a-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
    final CallbackTemplate template = CallbackTemplate.of("avatar", "/oss/avatar", CallbackBodyType.FORM, null, false,
            List.of(Field.of("object"), Field.of("size"), Field.of("x:user")));
    final CallbackReceiver receiver = new CallbackReceiver(template, verifier, tokens,
            Clock.fixed(NOW, ZoneOffset.UTC));

    String target(String user, long expiry) {
        return "/oss/avatar?" + CallbackToken.QUERY_PARAMETER + "=" + tokens.issue("avatar", expiry, Map.of("x:user", user));
    }

    @Test
    void genuineCallbackWithMatchingTokenIsReceived() {
        String target = target("42", NOW.getEpochSecond() + 60);
        byte[] body = "object=a.png&size=3&x%3Auser=42".getBytes(StandardCharsets.UTF_8);
        String auth = signer.sign(target, body);

        CallbackFields fields = receiver.receive(target, auth, b64(KEY_URL), body);
        assertThat(CallbackValues.requiredLong(fields, "size")).isEqualTo(3);
        assertThat(receiver.receiveAsync(target, auth, b64(KEY_URL), body).await().indefinitely().get("x:user"))
                .isEqualTo("42");
    }

    @Test
    void editedCustomValueIsRefusedEvenWhenSignedByOss() {
        // OSS signs whatever the browser put into the PostObject form; the token is what catches the edit.
        String target = target("42", NOW.getEpochSecond() + 60);
        byte[] body = "object=a.png&size=3&x%3Auser=1".getBytes(StandardCharsets.UTF_8);
        String auth = signer.sign(target, body);

        assertRefusal(() -> receiver.receive(target, auth, b64(KEY_URL), body), 403, "TOKEN_MISMATCH");
    }

    @Test
    void replayAfterExpiryIsRefused() {
        String target = target("42", NOW.getEpochSecond() - 1);
        byte[] body = "object=a.png&size=3&x%3Auser=42".getBytes(StandardCharsets.UTF_8);
        assertRefusal(() -> receiver.receive(target, signer.sign(target, body), b64(KEY_URL), body), 403,
                "TOKEN_EXPIRED");
    }

    @Test
    void missingTokenIsRefusedAndNoTokenModeAcceptsIt() {
        byte[] body = "object=a.png&size=3&x%3Auser=42".getBytes(StandardCharsets.UTF_8);
        String auth = signer.sign("/oss/avatar", body);
        assertRefusal(() -> receiver.receive("/oss/avatar", auth, b64(KEY_URL), body), 403, "TOKEN_MISSING");

        CallbackReceiver withoutTokens = new CallbackReceiver(template, verifier, null, Clock.systemUTC());
        assertThat(withoutTokens.receive("/oss/avatar", auth, b64(KEY_URL), body).get("object")).isEqualTo("a.png");
    }

    @Test
    void signatureIsCheckedBeforeAnythingElse() {
        String target = target("42", NOW.getEpochSecond() + 60);
        byte[] body = "not a valid %zz body".getBytes(StandardCharsets.UTF_8);
        assertRefusal(() -> receiver.receive(target, signer.sign(target, "other".getBytes()), b64(KEY_URL), body), 403,
                "BAD_SIGNATURE");
        assertRefusal(() -> receiver.receiveAsync(target, signer.sign(target, body), b64("https://evil.example/k.pem"),
                body).await().indefinitely(), 403, "UNTRUSTED_KEY_URL");
    }

    @Test
    void unbindableBodyIsA400NamingTheField() {
        CallbackTemplate json = CallbackTemplate.of("avatar", "/oss/avatar", CallbackBodyType.JSON, null, false,
                List.of(Field.of("size")));
        CallbackReceiver jsonReceiver = new CallbackReceiver(json, verifier, null, Clock.systemUTC());
        byte[] body = "size=3".getBytes(StandardCharsets.UTF_8);
        assertRefusal(() -> jsonReceiver.receive("/oss/avatar", signer.sign("/oss/avatar", body), b64(KEY_URL), body),
                400, "INVALID_BODY");
    }

    @Test
    void refusalsRenderAsJson() throws Exception {
        CallbackRefusal refused = CallbackRefusal.of(new OssCallbackRefusedException(409, "quota \"exceeded\""));
        assertThat(refused.status()).isEqualTo(409);
        var json = new ObjectMapper().readTree(refused.json());
        assertThat(json.get("reason").textValue()).isEqualTo("REFUSED");
        assertThat(json.get("message").textValue()).isEqualTo("quota \"exceeded\"");

        CallbackRefusal internal = CallbackRefusal.of(new IllegalStateException("db password=hunter2"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.json()).doesNotContain("hunter2");
        assertThat(CallbackRefusal.of(new OssCallbackVerificationException(
                OssCallbackVerificationException.Reason.KEY_UNAVAILABLE, "down")).status()).isEqualTo(503);
    }

    static void assertRefusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String reason) {
        assertThatThrownBy(call).satisfies(e -> {
            CallbackRefusal refusal = CallbackRefusal.of(e);
            assertThat(refusal.status()).isEqualTo(status);
            assertThat(refusal.reason()).isEqualTo(reason);
        });
    }
}
