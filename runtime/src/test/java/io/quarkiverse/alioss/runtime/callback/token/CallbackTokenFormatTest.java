package io.quarkiverse.alioss.runtime.callback.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.runtime.callback.token.CallbackToken.Binding;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken.Presented;

/**
 * The MAC input is a format: instances of different versions must accept each other's tokens. Its documented layout
 * is computed here independently (length-prefixed UTF-8 strings, variables with a value sorted by name).
 */
class CallbackTokenFormatTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theMacIsOverTheDocumentedLayout() throws Exception {
        CallbackToken tokens = new CallbackToken(SECRET, new SecureRandom());
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("x:user", "José 😀");
        vars.put("x:empty", "");
        vars.put("x:a", "1");
        String token = tokens.issue(new Binding("avatar", "photos", "日本/a b.png", false, true, vars), 1_800_000_000L);
        Presented presented = CallbackToken.parse(token);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String s : new String[] { "v2", "avatar", "1800000000", "K" }) {
            string(expected, s);
        }
        bytes(expected, presented.nonce());
        string(expected, "photos");
        string(expected, "日本/a b.png");
        integer(expected, 2);
        for (String s : new String[] { "x:a", "1", "x:user", "José 😀" }) {
            string(expected, s);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        assertThat(presented.mac()).isEqualTo(mac.doFinal(expected.toByteArray()));
    }

    private static void string(ByteArrayOutputStream out, String s) {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b) {
        integer(out, b.length);
        out.writeBytes(b);
    }

    private static void integer(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
