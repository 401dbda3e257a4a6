package io.quarkiverse.alioss.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackSpecTest {

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String callback(String urlJson, String bodyJson) {
        return b64("{\"callbackUrl\":" + urlJson + ",\"callbackBody\":" + bodyJson + "}");
    }

    static CallbackArgumentException refused(String callbackBase64, String varBase64) {
        try {
            CallbackSpec.parse(callbackBase64, varBase64);
        } catch (CallbackArgumentException e) {
            return e;
        }
        throw new AssertionError("expected a CallbackArgumentException");
    }

    static CallbackArgumentException refusedJson(String json) {
        return refused(b64(json), null);
    }

    @Test
    void parsesAllFieldsOfAValidCallback() {
        CallbackSpec spec = CallbackSpec.parse(b64("{\"callbackUrl\":\"http://oss-demo.aliyuncs.com:23450\","
                + "\"callbackHost\":\"oss-cn-hangzhou.aliyuncs.com\","
                + "\"callbackBody\":\"bucket=${bucket}&object=${object}&my_var=${x:my_var}\","
                + "\"callbackBodyType\":\"application/json\",\"callbackSNI\":true}"),
                b64("{\"x:my_var\":\"v\"}"));
        assertThat(spec.urls()).containsExactly(URI.create("http://oss-demo.aliyuncs.com:23450"));
        assertThat(spec.host()).isEqualTo("oss-cn-hangzhou.aliyuncs.com");
        assertThat(spec.bodyType()).isEqualTo(CallbackBodyType.JSON);
        assertThat(spec.sni()).isTrue();
        assertThat(spec.customVariables()).containsExactly(Map.entry("x:my_var", "v"));
    }

    @Test
    void parsesTheJava2SdkVectorWithDefaults() {
        // JAVA2 CallbackHelperTest.testFullBuilder output
        CallbackSpec spec = CallbackSpec.parse(
                "eyJjYWxsYmFja1VybCI6Imh0dHA6Ly9vc3MtZGVtby5hbGl5dW5jcy5jb206MjM0NTAiLCJjYWxsYmFja0hvc3QiOiJvc3MtY24taGFuZ3pob3UuYWxpeXVuY3MuY29tIiwiY2FsbGJhY2tCb2R5IjoiYnVja2V0PSR7YnVja2V0fSZvYmplY3Q9JHtvYmplY3R9Jm15X3Zhcj0ke3g6bXlfdmFyfSIsImNhbGxiYWNrQm9keVR5cGUiOiJhcHBsaWNhdGlvbi94LXd3dy1mb3JtLXVybGVuY29kZWQiLCJjYWxsYmFja1NOSSI6ZmFsc2V9",
                null);
        assertThat(spec.bodyType()).isEqualTo(CallbackBodyType.FORM);
        assertThat(spec.sni()).isFalse();
        assertThat(spec.bodyTemplate()).isEqualTo("bucket=${bucket}&object=${object}&my_var=${x:my_var}");
    }

    @Test
    void defaultsToFormBodyAndNoSni() {
        CallbackSpec spec = CallbackSpec.parse(callback("\"http://a.example.com/cb\"", "\"a=${bucket}\""), null);
        assertThat(spec.bodyType()).isEqualTo(CallbackBodyType.FORM);
        assertThat(spec.sni()).isFalse();
        assertThat(spec.host()).isNull();
    }

    @Test
    void urlWithoutSchemeBecomesHttpAndSeveralUrlsKeepTheirOrder() {
        CallbackSpec spec = CallbackSpec.parse(callback(
                "\"121.43.113.8:23456/index.html;https://b.example.com/x?y=1;localhost:8080/z\"", "\"a\""), null);
        assertThat(spec.urls()).containsExactly(URI.create("http://121.43.113.8:23456/index.html"),
                URI.create("https://b.example.com/x?y=1"), URI.create("http://localhost:8080/z"));
    }

    @Test
    void acceptsPrivateAndLoopbackAddressesOnPurpose() {
        CallbackSpec spec = CallbackSpec.parse(callback("\"127.0.0.1:1234/a;10.0.0.5/b;192.168.1.1/c\"", "\"a\""),
                null);
        assertThat(spec.urls()).hasSize(3);
    }

    @Test
    void fiveUrlsAreAllowedSixAreNot() {
        String five = "\"a.example.com;b.example.com;c.example.com;d.example.com;e.example.com\"";
        assertThat(CallbackSpec.parse(callback(five, "\"a\""), null).urls()).hasSize(5);
        CallbackArgumentException e = refused(
                callback("\"a.example.com;b.example.com;c.example.com;d.example.com;e.example.com;f.example.com\"",
                        "\"a\""),
                null);
        assertThat(e.ossMessage()).isEqualTo("The number of callback url exceed max value.");
        assertThat(e.argumentName()).isEqualTo("callback");
    }

    @ParameterizedTest
    @ValueSource(strings = { "my", "my.com:test", "http://[::1]:8080/x", "ftp://a.example.com/x", "",
            "http://a.example.com:70000/", "http://user@a.example.com/", "http://a b.example.com/", ";;" })
    void refusesInvalidUrls(String url) {
        CallbackArgumentException e = refused(callback("\"" + url + "\"", "\"a\""), null);
        assertThat(e.ossMessage()).isEqualTo("The callback url configuration is invalid.");
    }

    @Test
    void refusesMissingOrNonStringUrl() {
        assertThat(refusedJson("{\"callbackBody\":\"a\"}").ossMessage())
                .isEqualTo("The callback url configuration is invalid.");
        assertThat(refusedJson("{\"callbackUrl\":5,\"callbackBody\":\"a\"}").ossMessage())
                .isEqualTo("The callback url configuration is invalid.");
    }

    @Test
    void refusesCallbackThatIsNotBase64WithTheRawValue() {
        CallbackArgumentException e = refused("not base64!", null);
        assertThat(e.ossMessage()).isEqualTo("The callback configuration is not base64 encoded.");
        assertThat(e.argumentValue()).isEqualTo("not base64!");
        assertThat(e.ossCode()).isEqualTo("InvalidArgument");
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void refusesNonJsonWithTheDecodedValueAndEc() {
        String json = "{\"callbackUrl\":\"8.8.8.8:9090\",\"callbackBody\":\"{\"bucket\":${bucket}}\"}";
        CallbackArgumentException e = refusedJson(json);
        assertThat(e.ossMessage()).isEqualTo("The callback configuration is not json format.");
        assertThat(e.argumentValue()).isEqualTo(json);
        assertThat(e.ec()).isEqualTo("0007-00000003");
        assertThat(refusedJson("[1]").ossMessage()).isEqualTo("The callback configuration is not json format.");
        assertThat(refusedJson("{} x").ossMessage()).isEqualTo("The callback configuration is not json format.");
    }

    @Test
    void refusesCallbackLongerThan5KbOfBase64() {
        String body = "a".repeat(4000);
        String ok = callback("\"a.example.com\"", "\"" + body.substring(0, 3700) + "\"");
        assertThat(ok.length()).isLessThanOrEqualTo(5120);
        CallbackSpec.parse(ok, null);
        String tooLong = callback("\"a.example.com\"", "\"" + body + "\"");
        assertThat(tooLong.length()).isGreaterThan(5120);
        assertThat(refused(tooLong, null).ossMessage()).isEqualTo("The length of callback exceed max value.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bad host", "a.example.com:port", "a/b", "" })
    void refusesInvalidCallbackHost(String host) {
        CallbackArgumentException e = refusedJson(
                "{\"callbackUrl\":\"a.example.com\",\"callbackHost\":\"" + host + "\",\"callbackBody\":\"a\"}");
        assertThat(e.ossMessage()).isEqualTo("The callback host configuration is invalid.");
    }

    @Test
    void refusesNonStringCallbackHost() {
        assertThat(refusedJson("{\"callbackUrl\":\"a.example.com\",\"callbackHost\":1,\"callbackBody\":\"a\"}")
                .ossMessage()).isEqualTo("The callback host configuration is invalid.");
    }

    @Test
    void refusesEmptyOrMissingBody() {
        for (String json : new String[] { "{\"callbackUrl\":\"a.example.com\",\"callbackBody\":\"\"}",
                "{\"callbackUrl\":\"a.example.com\"}" }) {
            CallbackArgumentException e = refusedJson(json);
            assertThat(e.ossMessage()).isEqualTo("The callback body is empty.");
            assertThat(e.ec()).isEqualTo("0007-00000011");
        }
    }

    @Test
    void refusesNonStringBody() {
        assertThat(refusedJson("{\"callbackUrl\":\"a.example.com\",\"callbackBody\":{}}").ossMessage())
                .isEqualTo("The callback body is invalid.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bucket=${bucket}&object=$(object)", "price=$5", "end$", "$$" })
    void refusesDollarNotFollowedByBrace(String body) {
        CallbackArgumentException e = refused(callback("\"a.example.com\"", "\"" + body + "\""), null);
        assertThat(e.ossMessage()).isEqualTo("Left brace must be adjacent to dollar sign.");
        assertThat(e.ec()).isEqualTo("0007-00000105");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bucket=${bucket", "a=${}", "a=${x${y}" })
    void refusesUnterminatedOrEmptyPlaceholder(String body) {
        assertThat(refused(callback("\"a.example.com\"", "\"" + body + "\""), null).ossMessage())
                .isEqualTo("The callback body is invalid.");
    }

    @Test
    void refusesNonStringBodyType() {
        CallbackArgumentException e = refusedJson(
                "{\"callbackUrl\":\"a.example.com\",\"callbackBody\":\"a\",\"callbackBodyType\":1}");
        assertThat(e.ossMessage()).isEqualTo("The callback body type configuration is invalid.");
        assertThat(e.ec()).isEqualTo("0007-00000012");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/xml", "APPLICATION/JSON", "" })
    void refusesUnsupportedBodyType(String type) {
        assertThat(refusedJson("{\"callbackUrl\":\"a.example.com\",\"callbackBody\":\"a\",\"callbackBodyType\":\""
                + type + "\"}").ossMessage()).isEqualTo("The body type of callback is not supported.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"true\"", "1", "null", "\"false\"" })
    void refusesSniThatIsNotAJsonBoolean(String sni) {
        assertThat(refusedJson("{\"callbackUrl\":\"a.example.com\",\"callbackBody\":\"a\",\"callbackSNI\":" + sni
                + "}").ossMessage()).isEqualTo("The callback sni is invalid.");
    }

    @Test
    void refusesUnsupportedSignatureVersionButAccepts1_0() {
        CallbackSpec.parse(
                b64("{\"callbackUrl\":\"a.example.com\",\"callbackBody\":\"a\",\"signatureVersion\":\"1.0\"}"), null);
        assertThat(refusedJson(
                "{\"callbackUrl\":\"a.example.com\",\"callbackBody\":\"a\",\"signatureVersion\":\"2.0\"}")
                .ossMessage()).isEqualTo("The callback signature version is invalid.");
    }

    @Test
    void refusesCallbackPolicyClearly() {
        CallbackArgumentException e = refusedJson("{\"callbackPolicy\":\"p1\"}");
        assertThat(e.ossMessage()).contains("callback policy is not supported");
        assertThat(e.argumentName()).isEqualTo("callback");
    }

    @Test
    void parsesCallbackVarVectorFromTheJava2Sdk() {
        CallbackSpec spec = CallbackSpec.parse(callback("\"a.example.com\"", "\"a\""),
                "eyJ4OnVpZCI6IjEyMzQ1IiwieDpvcmRlcl9pZCI6IjY3ODkwIn0=");
        assertThat(spec.customVariables()).containsOnly(Map.entry("x:uid", "12345"), Map.entry("x:order_id", "67890"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "[\"x:a\"]", "{\"x:a\":1}", "{\"a\":\"b\"}", "{\"x:Upper\":\"b\"}",
            "{\"x:a\":null}" })
    void refusesInvalidCallbackVar(String varJson) {
        CallbackArgumentException e = refused(callback("\"a.example.com\"", "\"a\""), b64(varJson));
        assertThat(e.ossMessage()).isEqualTo("The callback var is not expecten json.");
        assertThat(e.argumentName()).isEqualTo("callback-var");
        assertThat(e.argumentValue()).isEqualTo(varJson);
        assertThat(e.ec()).isEqualTo("0007-00000103");
    }

    @Test
    void refusesCallbackVarThatIsNotBase64() {
        CallbackArgumentException e = refused(callback("\"a.example.com\"", "\"a\""), "%%%");
        assertThat(e.ossMessage()).isEqualTo("The callback var is not expecten json.");
        assertThat(e.argumentValue()).isEqualTo("%%%");
    }

    @Test
    void refusesCallbackVarLongerThan5Kb() {
        // JAVA1 CallbackTest: 10 variables of 1024 characters
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            json.append(i == 0 ? "" : ",").append("\"x:v").append(i).append("\":\"").append("a".repeat(1024))
                    .append('"');
        }
        CallbackArgumentException e = refused(callback("\"a.example.com\"", "\"a\""), b64(json.append('}').toString()));
        assertThat(e.ossMessage()).isEqualTo("The length of callback var exceed max value.");
        assertThat(e.argumentName()).isEqualTo("callback-var");
    }

    @Test
    void postObjectTakesXFieldsWithCaseInsensitiveNamesAndNoLengthLimit() {
        CallbackSpec spec = CallbackSpec.parseForPostObject(callback("\"a.example.com\"", "\"u=${x:uid}\""),
                Map.of("X:UID", "7", "x:big", "b".repeat(10_000), "key", "ignored"));
        assertThat(spec.customVariables()).containsOnlyKeys("x:uid", "x:big");
        assertThat(spec.customVariables().get("x:uid")).isEqualTo("7");
    }

    @Test
    void postObjectStillValidatesTheCallback() {
        assertThatThrownBy(() -> CallbackSpec.parseForPostObject(b64("{}"), Map.of()))
                .isInstanceOf(CallbackArgumentException.class)
                .hasMessageContaining("The callback url configuration is invalid.");
    }

    @Test
    void requestTargetIsRawPathAndQuery() {
        assertThat(CallbackSpec.requestTarget(URI.create("http://a.example.com"))).isEqualTo("/");
        assertThat(CallbackSpec.requestTarget(URI.create("http://a.example.com/p%20q/r+s?x=%2F&y=a+b")))
                .isEqualTo("/p%20q/r+s?x=%2F&y=a+b");
        assertThat(CallbackSpec.requestTarget(URI.create("http://a.example.com/p?"))).isEqualTo("/p?");
    }
}
