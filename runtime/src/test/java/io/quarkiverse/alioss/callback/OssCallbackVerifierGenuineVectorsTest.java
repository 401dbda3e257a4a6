package io.quarkiverse.alioss.callback;

import static io.quarkiverse.alioss.callback.TestCallbackSigner.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason;
import io.quarkiverse.alioss.runtime.callback.verify.OssCallbackKey;

/** Genuine OSS-signed callbacks (protocol reference section 5) against {@link OssCallbackVerifier#ossDefault()}. */
class OssCallbackVerifierGenuineVectorsTest {

    static final String HTTP_KEY_URL = b64("http://gosspublic.alicdn.com/callback_pub_key_v1.pem");
    static final String HTTPS_KEY_URL = b64("https://gosspublic.alicdn.com/callback_pub_key_v1.pem");

    static final String V1_TARGET = "/index.php?id=1&index=2";
    static final byte[] V1_BODY = "bucket=yonghu-test".getBytes(StandardCharsets.UTF_8);
    static final String V1_AUTH = "kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==";

    static final String V2_TARGET = "/api/AliYunOssCallback";
    static final byte[] V2_BODY = "filename=headSculpture%2Fjikang2.jpg&size=108904&mimeType=image%2Fjpeg&height=278&width=200"
            .getBytes(StandardCharsets.UTF_8);
    static final String V2_AUTH = "HHtQ8zgAo4WUCg7Iy/njrsluS+ZDmgMwIHag+vmRvIC4Ph5rxNQ3+WOfJZvzwIKQsNftEDC0PCU03hpjId3vIQ==";

    final OssCallbackVerifier verifier = OssCallbackVerifier.ossDefault();

    @Test
    void pinnedKeyIsTheOssKey() throws Exception {
        byte[] der = OssCallbackKey.publicKey().getEncoded();
        assertThat(der).hasSize(94);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)))
                .isEqualTo("a1f54d0fb9263a14276c9e890f99cdeae986265b3985e6b1aa4603631c5bc9cf");
    }

    @Test
    void v1WithHttpKeyUrlVerifies() {
        assertThat(V2_BODY).hasSize(91);
        assertThatCode(() -> verifier.verify(V1_TARGET, V1_AUTH, HTTP_KEY_URL, V1_BODY)).doesNotThrowAnyException();
    }

    @Test
    void v2WithHttpsKeyUrlVerifies() {
        assertThatCode(() -> verifier.verify(V2_TARGET, V2_AUTH, HTTPS_KEY_URL, V2_BODY)).doesNotThrowAnyException();
    }

    @Test
    void bothGosspublicSchemesAreAcceptedForEitherVector() {
        assertThatCode(() -> verifier.verify(V1_TARGET, V1_AUTH, HTTPS_KEY_URL, V1_BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(V2_TARGET, V2_AUTH, HTTP_KEY_URL, V2_BODY)).doesNotThrowAnyException();
    }

    @Test
    void asyncVariantVerifiesAndRefuses() {
        verifier.verifyAsync(V2_TARGET, V2_AUTH, HTTPS_KEY_URL, V2_BODY).await().indefinitely();
        assertThatThrownBy(() -> verifier.verifyAsync(V2_TARGET + "?", V2_AUTH, HTTPS_KEY_URL, V2_BODY)
                .await().indefinitely())
                .isInstanceOfSatisfying(OssCallbackVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void v2WithAppendedQuestionMarkFails() {
        assertReason(() -> verifier.verify(V2_TARGET + "?", V2_AUTH, HTTPS_KEY_URL, V2_BODY), Reason.BAD_SIGNATURE);
    }

    @Test
    void flippedBodyByteFails() {
        for (int i = 0; i < V2_BODY.length; i += 7) {
            byte[] body = V2_BODY.clone();
            body[i] ^= 1;
            assertReason(() -> verifier.verify(V2_TARGET, V2_AUTH, HTTPS_KEY_URL, body), Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void flippedPathOrQueryFails() {
        assertReason(() -> verifier.verify("/index.php?id=1&index=3", V1_AUTH, HTTP_KEY_URL, V1_BODY),
                Reason.BAD_SIGNATURE);
        assertReason(() -> verifier.verify("/index.phq?id=1&index=2", V1_AUTH, HTTP_KEY_URL, V1_BODY),
                Reason.BAD_SIGNATURE);
        assertReason(() -> verifier.verify("/api/AliYunOssCallbacK", V2_AUTH, HTTPS_KEY_URL, V2_BODY),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void percentEncodedPathIsDecodedButQueryIsNot() {
        // %2E is '.', so the decoded path equals the signed one; the query must stay byte-for-byte as signed.
        assertThatCode(() -> verifier.verify("/index%2Ephp?id=1&index=2", V1_AUTH, HTTP_KEY_URL, V1_BODY))
                .doesNotThrowAnyException();
        assertReason(() -> verifier.verify("/index.php?id=1&index=%32", V1_AUTH, HTTP_KEY_URL, V1_BODY),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void flippedSignatureBitFails() {
        byte[] sig = Base64.getDecoder().decode(V2_AUTH);
        for (int i = 0; i < sig.length; i += 9) {
            byte[] changed = sig.clone();
            changed[i] ^= 0x10;
            String auth = Base64.getEncoder().encodeToString(changed);
            assertReason(() -> verifier.verify(V2_TARGET, auth, HTTPS_KEY_URL, V2_BODY), Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void truncatedSignatureIsBadSignatureNotAnError() {
        String shortAuth = Base64.getEncoder().encodeToString(new byte[10]);
        assertReason(() -> verifier.verify(V2_TARGET, shortAuth, HTTPS_KEY_URL, V2_BODY), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://gosspublic.alicdn.com.evil.example/callback_pub_key_v1.pem",
            "https://evil.example/callback_pub_key_v1.pem",
            "https://evil.example/gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "https://evil.example/?https://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "http://gosspublic.alicdn.com/other.pem",
            "https://gosspublic.alicdn.com/callback_pub_key_v1.pem.evil",
            "https://gosspublic.alicdn.com/callback_pub_key_v1.pem?x=1",
            "https://gosspublic.alicdn.com@evil.example/callback_pub_key_v1.pem",
            "https://GOSSPUBLIC.alicdn.com/callback_pub_key_v1.pem",
            " https://gosspublic.alicdn.com/callback_pub_key_v1.pem",
            "https://gosspublic.alicdn.com/",
            "file:///etc/passwd" })
    void untrustedKeyUrlsAreRefused(String url) {
        assertReason(() -> verifier.verify(V2_TARGET, V2_AUTH, b64(url), V2_BODY), Reason.UNTRUSTED_KEY_URL);
    }

    @Test
    void missingAndMalformedHeadersHaveTheirReasons() {
        assertReason(() -> verifier.verify(V2_TARGET, null, HTTPS_KEY_URL, V2_BODY), Reason.MISSING_AUTHORIZATION);
        assertReason(() -> verifier.verify(V2_TARGET, " ", HTTPS_KEY_URL, V2_BODY), Reason.MISSING_AUTHORIZATION);
        assertReason(() -> verifier.verify(V2_TARGET, "not*base64!", HTTPS_KEY_URL, V2_BODY),
                Reason.MALFORMED_AUTHORIZATION);
        assertReason(() -> verifier.verify(V2_TARGET, V2_AUTH, null, V2_BODY), Reason.MISSING_KEY_URL);
        assertReason(() -> verifier.verify(V2_TARGET, V2_AUTH, "%%%", V2_BODY), Reason.MALFORMED_KEY_URL);
        assertReason(() -> verifier.verify(V2_TARGET, V2_AUTH, Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff }),
                V2_BODY), Reason.MALFORMED_KEY_URL);
        // The plain (not Base64) URL is a client bug worth naming, not a trusted URL.
        assertReason(() -> verifier.verify(V2_TARGET, V2_AUTH, "https://gosspublic.alicdn.com/callback_pub_key_v1.pem",
                V2_BODY), Reason.MALFORMED_KEY_URL);
    }

    @Test
    void malformedRequestTargetIsAReasonNotAnError() {
        assertReason(() -> verifier.verify("/api/%zzCallback", V2_AUTH, HTTPS_KEY_URL, V2_BODY),
                Reason.MALFORMED_REQUEST_TARGET);
        assertReason(() -> verifier.verify("/api/Callback%2", V2_AUTH, HTTPS_KEY_URL, V2_BODY),
                Reason.MALFORMED_REQUEST_TARGET);
        assertReason(() -> verifier.verify("api/AliYunOssCallback", V2_AUTH, HTTPS_KEY_URL, V2_BODY),
                Reason.MALFORMED_REQUEST_TARGET);
        assertReason(() -> verifier.verify(null, V2_AUTH, HTTPS_KEY_URL, V2_BODY), Reason.MALFORMED_REQUEST_TARGET);
    }

    @Test
    void messagesDoNotCarryTheSignature() {
        byte[] body = V2_BODY.clone();
        body[0] ^= 1;
        assertThatThrownBy(() -> verifier.verify(V2_TARGET, V2_AUTH, HTTPS_KEY_URL, body))
                .hasMessageNotContaining(V2_AUTH.substring(0, 20));
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OssCallbackVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
