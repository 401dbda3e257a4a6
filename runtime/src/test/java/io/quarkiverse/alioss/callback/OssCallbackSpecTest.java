package io.quarkiverse.alioss.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OssCallbackSpecTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** JAVA2 CallbackHelperTest.testFullBuilder (protocol reference 1.7). */
    @Test
    void fullBuilderVector() {
        OssCallbackSpec spec = OssCallbackSpec.builder()
                .url("http://oss-demo.aliyuncs.com:23450")
                .host("oss-cn-hangzhou.aliyuncs.com")
                .body("bucket=${bucket}&object=${object}&my_var=${x:my_var}")
                .bodyType(CallbackBodyType.FORM)
                .sni(false)
                .build();

        assertThat(spec.callbackBase64()).isEqualTo("eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9vc3MtZGVtby5hbGl5dW5jcy5jb206MjM0NTAiLCJj"
                + "YWxsYmFja0hvc3QiOiJvc3MtY24taGFuZ3pob3UuYWxpeXVuY3MuY29tIiwiY2FsbGJhY2tCb2R5IjoiYnVja2V0PSR7YnVja2V0"
                + "fSZvYmplY3Q9JHtvYmplY3R9Jm15X3Zhcj0ke3g6bXlfdmFyfSIsImNhbGxiYWNrQm9keVR5cGUiOiJhcHBsaWNhdGlvbi94LXd3"
                + "dy1mb3JtLXVybGVuY29kZWQiLCJjYWxsYmFja1NOSSI6ZmFsc2V9");
        assertThat(spec.callbackVarBase64()).isEmpty();
        assertThat(spec.headers()).containsOnlyKeys("x-oss-callback");
    }

    /** JAVA2 CallbackHelperTest callback-var vector (protocol reference 1.4), in insertion order. */
    @Test
    void callbackVarVector() {
        OssCallbackSpec spec = OssCallbackSpec.builder().url("https://app.example/cb").body("uid=${x:uid}")
                .var("x:uid", "12345").var("order_id", "67890").build();

        assertThat(spec.callbackVarBase64()).contains("eyJ4OnVpZCI6IjEyMzQ1IiwieDpvcmRlcl9pZCI6IjY3ODkwIn0=");
        assertThat(spec.headers()).containsEntry("x-oss-callback-var", "eyJ4OnVpZCI6IjEyMzQ1IiwieDpvcmRlcl9pZCI6IjY3ODkwIn0=")
                .containsEntry("x-oss-callback", spec.callbackBase64());
        assertThat(spec.queryParameters()).containsOnlyKeys("callback", "callback-var");
        assertThat(spec.postObjectFields()).containsExactly(
                org.assertj.core.api.Assertions.entry("callback", spec.callbackBase64()),
                org.assertj.core.api.Assertions.entry("x:uid", "12345"),
                org.assertj.core.api.Assertions.entry("x:order_id", "67890"));
    }

    @Test
    void jsonTemplateAndAwkwardValuesRoundTripThroughAJsonParser() throws Exception {
        String template = "{\"bucket\":${bucket},\"note\":\"a \\\"quoted\\\" \\\\ back\",\"x:user\":${x:user}}";
        String value = "Jürgen \"J\" \\ \u0001\t\n/ 日本 😀";
        OssCallbackSpec spec = OssCallbackSpec.builder()
                .urls(List.of("https://a.example/cb?t=1", "https://b.example/cb"))
                .body(template).bodyType(CallbackBodyType.JSON).sni(true).var("user", value).build();

        JsonNode callback = MAPPER.readTree(Base64.getDecoder().decode(spec.callbackBase64()));
        assertThat(callback.get("callbackUrl").textValue()).isEqualTo("https://a.example/cb?t=1;https://b.example/cb");
        assertThat(callback.get("callbackBody").textValue()).isEqualTo(template);
        assertThat(callback.get("callbackBodyType").textValue()).isEqualTo("application/json");
        assertThat(callback.get("callbackSNI").isBoolean()).isTrue();
        assertThat(callback.get("callbackSNI").booleanValue()).isTrue();
        assertThat(callback.has("callbackHost")).isFalse();

        byte[] varJson = Base64.getDecoder().decode(spec.callbackVarBase64().orElseThrow());
        assertThat(MAPPER.readTree(varJson).get("x:user").textValue()).isEqualTo(value);
        // raw control characters never appear unescaped; non-ASCII is UTF-8
        String varText = new String(varJson, StandardCharsets.UTF_8);
        assertThat(varText).doesNotContain("\u0001").doesNotContain("\n").contains("日本");
    }

    @Test
    void base64IsStandardWithPadding() {
        OssCallbackSpec spec = OssCallbackSpec.builder().url("https://a.example/cb?x=~~~").body("a=${x:v}")
                .var("v", "???>>>").build();
        assertThat(spec.callbackBase64()).matches("[A-Za-z0-9+/]+=*");
        assertThat(spec.callbackBase64().length() % 4).isZero();
        assertThat(spec.callbackVarBase64().orElseThrow()).matches("[A-Za-z0-9+/]+=*");
    }

    @Test
    void sniIsLeftOutUnlessSet() {
        OssCallbackSpec spec = OssCallbackSpec.builder().url("https://a.example/cb").body("b=${bucket}").build();
        assertThat(spec.callbackJson()).isEqualTo("{\"callbackUrl\":\"https://a.example/cb\",\"callbackBody\":"
                + "\"b=${bucket}\",\"callbackBodyType\":\"application/x-www-form-urlencoded\"}");
    }

    @Test
    void variableNamesAreValidatedByName() {
        OssCallbackSpec.Builder builder = OssCallbackSpec.builder();
        for (String bad : List.of("User", "x:User", "x:", "", "x:a-b", "x:a b", "y:a", "x:ü")) {
            assertThatThrownBy(() -> builder.var(bad, "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> builder.var("user", null)).hasMessageContaining("x:user");
    }

    @Test
    void invalidCallbacksAreRefusedWithReasons() {
        assertThatThrownBy(() -> OssCallbackSpec.builder().body("a=${bucket}").build()).hasMessageContaining("URL");
        assertThatThrownBy(() -> OssCallbackSpec.builder().url("https://a/cb").build()).hasMessageContaining("body");
        assertThatThrownBy(() -> OssCallbackSpec.builder().url("https://a/cb;https://b/cb").body("a=${bucket}").build())
                .hasMessageContaining("';'");
        OssCallbackSpec.Builder six = OssCallbackSpec.builder().body("a=${bucket}");
        for (int i = 0; i < 6; i++) {
            six.url("https://h" + i + ".example/cb");
        }
        assertThatThrownBy(six::build).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> OssCallbackSpec.builder().url("https://a/cb").body("bucket=${bucket}&object=$(object)")
                .build()).hasMessageContaining("'$' without '{'");
        assertThatThrownBy(() -> OssCallbackSpec.builder().url("https://a/cb").body("bucket=${bucket").build())
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> OssCallbackSpec.builder().url("https://a/cb").body("a=${bucket}")
                .var("big", "v".repeat(6000)).build()).hasMessageContaining("callback-var");
        for (String host : new String[] { "https://cb.example.com", "cb.example.com/x", "cb example.com", "",
                "cb.example.com:70000", "[::1]" }) {
            assertThatThrownBy(() -> OssCallbackSpec.builder().url("https://a/cb").body("a=${bucket}").host(host).build())
                    .as(host).hasMessageContaining("callback host '" + host + "' must be a host name or IPv4 address");
        }
    }
}
