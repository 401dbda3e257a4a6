package io.quarkiverse.alioss.runtime.callback.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackStringToSignTest {

    static String text(String target, String body) {
        return new String(CallbackStringToSign.of(target, body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void v1StringToSignHasTheDocumentedMd5() throws Exception {
        byte[] signed = CallbackStringToSign.of("/index.php?id=1&index=2",
                "bucket=yonghu-test".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo("/index.php?id=1&index=2\nbucket=yonghu-test");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(signed)))
                .isEqualTo("5b74fc97cc385b45c6c8b7782d5a2140");
    }

    @Test
    void noQuestionMarkWithoutQuery() {
        assertThat(text("/api/AliYunOssCallback", "b")).isEqualTo("/api/AliYunOssCallback\nb");
        assertThat(text("/api/AliYunOssCallback?", "b")).isEqualTo("/api/AliYunOssCallback?\nb");
    }

    @Test
    void pathIsRfc3986DecodedAndQueryKeptRaw() {
        assertThat(text("/a+b/%2B/%20/%E6%97%A5?q=%2B+x&y=%20", "")).isEqualTo("/a+b/+/ /日?q=%2B+x&y=%20\n");
        // only the first '?' splits; a second one belongs to the query
        assertThat(text("/p?a=?b", "")).isEqualTo("/p?a=?b\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/a%3Fq", "/a%3fq", "/a%23x", "/a#x", "/a%0Ax", "/a%0D", "/a%09", "/a%00", "/a%1F",
            "/a%7F", "/a\nx", "/a%3F?q=1" })
    void pathsThatWouldSignLikeAnotherRequestAreRefused(String target) {
        assertThatThrownBy(() -> CallbackStringToSign.of(target, new byte[0]))
                .isInstanceOf(CallbackStringToSign.AmbiguousTargetException.class)
                .hasMessageContaining("decoded path");
    }

    @Test
    void controlCharacterInTheQueryIsRefused() {
        // "/a?q\nB" with an empty body would sign the same bytes as "/a?q" with body "B\n"
        assertThatThrownBy(() -> CallbackStringToSign.of("/a?q\nB", new byte[0]))
                .isInstanceOf(CallbackStringToSign.AmbiguousTargetException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> CallbackStringToSign.of("/a?q\u007f", new byte[0]))
                .isInstanceOf(CallbackStringToSign.AmbiguousTargetException.class);
        // percent sequences in the query are not decoded, so an encoded control character is just text
        assertThat(text("/a?q=%0A%3F%23", "")).isEqualTo("/a?q=%0A%3F%23\n");
    }

    @Test
    void nonAsciiAndOtherPrintableCharactersStayAllowed() {
        assertThat(text("/%E6%97%A5/%20/+/%7E/%25", "")).isEqualTo("/日/ /+/~/%\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/a%\uFF13\uFF10", "/a%\uFF12\uFF26", "/a%\u0663\u0660", "/a%3\uFF10", "/a%\uFF13F",
            "/a%\uFF14\uFF41" })
    void onlyAsciiHexDigitsFollowPercent(String target) {
        // Character.digit reads full-width and Arabic-Indic digits, and full-width letters: \uFF13\uFF10 would be 0x30
        assertThatThrownBy(() -> CallbackStringToSign.of(target, new byte[0]))
                .isInstanceOf(PercentDecoding.InvalidPercentEncodingException.class);
        assertThatThrownBy(() -> PercentDecoding.decodeForm(target))
                .isInstanceOf(PercentDecoding.InvalidPercentEncodingException.class);
    }

    @Test
    void allAsciiHexDigitsInBothCasesDecode() {
        assertThat(PercentDecoding.decodePath("%30%39%3a%3A%4b%4C%6d%6E%4f%4F"))
                .containsExactly('0', '9', ':', ':', 'K', 'L', 'm', 'n', 'O', 'O');
    }

    @Test
    void bodyBytesAreKeptExactly() {
        byte[] body = { 0, (byte) 0xff, '\n', 'x' };
        byte[] signed = CallbackStringToSign.of("/p", body);
        assertThat(signed).containsExactly('/', 'p', '\n', 0, (byte) 0xff, '\n', 'x');
    }

    @Test
    void invalidPercentSequencesAreReported() {
        assertThatThrownBy(() -> CallbackStringToSign.of("/a%2", new byte[0]))
                .isInstanceOf(PercentDecoding.InvalidPercentEncodingException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> CallbackStringToSign.of("/a%g0", new byte[0]))
                .isInstanceOf(PercentDecoding.InvalidPercentEncodingException.class);
        // an invalid sequence in the query is not decoded, so it is no error
        assertThat(text("/a?x=%zz", "")).isEqualTo("/a?x=%zz\n");
    }

    @Test
    void formDecodingTurnsPlusIntoSpace() {
        assertThat(PercentDecoding.decodeForm("a+b%2Bc%3A")).isEqualTo("a b+c:");
        assertThat(new String(PercentDecoding.decodePath("a+b"), StandardCharsets.UTF_8)).isEqualTo("a+b");
    }
}
