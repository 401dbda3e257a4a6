package io.quarkiverse.alioss.runtime.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

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
        assertThat(text("/p%3F?a=?b", "")).isEqualTo("/p??a=?b\n");
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
