package io.quarkiverse.alioss.callback;

import static io.quarkiverse.alioss.callback.OssCallbackVerifierGenuineVectorsTest.assertReason;
import static io.quarkiverse.alioss.callback.TestCallbackSigner.b64;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.alioss.callback.OssCallbackVerificationException.Reason;

/**
 * Request targets that would sign the same bytes as a different request. Each signature below is made over exactly the
 * bytes the target decodes to, so without the refusal the forged target would verify.
 */
class OssCallbackVerifierRequestTargetTest {

    static final String KEY_URL = "https://keys.example/callback.pem";
    static final byte[] BODY = "bucket=b&object=k".getBytes(StandardCharsets.UTF_8);

    final TestCallbackSigner signer = new TestCallbackSigner();
    final OssCallbackVerifier verifier = OssCallbackVerifier.builder().trustKey(KEY_URL, signer.publicKey())
            .build();

    @Test
    void encodedQuestionMarkCannotPassForTheQuery() {
        String auth = signer.sign("/a?q", BODY);
        assertThatCode(() -> verifier.verify("/a?q", auth, b64(KEY_URL), BODY)).doesNotThrowAnyException();
        assertReason(() -> verifier.verify("/a%3Fq", auth, b64(KEY_URL), BODY), Reason.MALFORMED_REQUEST_TARGET);
        assertReason(() -> verifier.verify("/a%3fq", auth, b64(KEY_URL), BODY), Reason.MALFORMED_REQUEST_TARGET);
    }

    @Test
    void encodedLineFeedCannotMovePartOfTheBodyIntoThePath() {
        byte[] body = "B".getBytes(StandardCharsets.UTF_8);
        String auth = signer.sign("/a", "x\nB".getBytes(StandardCharsets.UTF_8));
        assertReason(() -> verifier.verify("/a%0Ax", auth, b64(KEY_URL), body), Reason.MALFORMED_REQUEST_TARGET);
    }

    @Test
    void rawLineFeedInTheQueryCannotMovePartOfTheBodyIntoTheQuery() {
        String auth = signer.sign("/a?q", "B\n".getBytes(StandardCharsets.UTF_8));
        assertReason(() -> verifier.verify("/a?q\nB", auth, b64(KEY_URL), new byte[0]),
                Reason.MALFORMED_REQUEST_TARGET);
    }

    /** The target as received, and what it decodes to: what was signed. */
    static Stream<Arguments> ambiguousTargets() {
        return Stream.of(
                Arguments.of("/a%3Fx", "/a?x"),
                Arguments.of("/a%23x", "/a#x"),
                Arguments.of("/a#x", "/a#x"),
                Arguments.of("/a%0Ax", "/a\nx"),
                Arguments.of("/a%0Dx", "/a\rx"),
                Arguments.of("/a%09x", "/a\tx"),
                Arguments.of("/a%00x", "/a\0x"),
                Arguments.of("/a%1Fx", "/a\u001fx"),
                Arguments.of("/a%7Fx", "/a\u007fx"));
    }

    @ParameterizedTest
    @MethodSource("ambiguousTargets")
    void decodedPathWithQuestionMarkHashOrControlCharacterIsRefused(String target, String signedAs) {
        String auth = signer.sign(signedAs, BODY);
        assertReason(() -> verifier.verify(target, auth, b64(KEY_URL), BODY), Reason.MALFORMED_REQUEST_TARGET);
        assertReason(() -> verifier.verifyAsync(target, auth, b64(KEY_URL), BODY).await().indefinitely(),
                Reason.MALFORMED_REQUEST_TARGET);
    }

    /** Character.digit would read these as hex digits: full-width, Arabic-Indic, and full-width letters. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/a%\uFF13\uFF10 | /a0",
            "/a%\u0663\u0660 | /a0",
            "/a%3\uFF10      | /a0",
            "/a%\uFF12\uFF26 | /a/",
            "/a%\uFF14\uFF41 | /aJ" })
    void onlyAsciiHexDigitsAreDecoded(String target, String signedAs) {
        String auth = signer.sign(signedAs, BODY);
        assertReason(() -> verifier.verify(target, auth, b64(KEY_URL), BODY), Reason.MALFORMED_REQUEST_TARGET);
    }

    @Test
    void ordinaryEncodedPathsStillVerify() {
        assertVerifies("/oss/a%20b", "/oss/a b");
        assertVerifies("/oss/a+b", "/oss/a+b");
        assertVerifies("/oss/a%2Bb?x=%0A%3F%23", "/oss/a+b?x=%0A%3F%23");
        assertVerifies("/oss/%E6%97%A5%7e", "/oss/日~");
        assertVerifies("/oss/a%2fb%2Fc", "/oss/a/b/c");
    }

    private void assertVerifies(String target, String signedAs) {
        String auth = signer.sign(signedAs, BODY);
        assertThatCode(() -> verifier.verify(target, auth, b64(KEY_URL), BODY)).doesNotThrowAnyException();
    }
}
