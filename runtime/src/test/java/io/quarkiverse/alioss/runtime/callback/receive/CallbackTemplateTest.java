package io.quarkiverse.alioss.runtime.callback.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate.Field;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;

class CallbackTemplateTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final CallbackToken TOKENS = new CallbackToken(new byte[32], new SecureRandom());
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final long EXPIRY = NOW.getEpochSecond() + 900;
    static final List<String> URLS = List.of("https://app.example.com/api/oss/avatar",
            "https://backup.example.com/api/oss/avatar");
    /** Issues tokens as the application's templates do, with a fixed expiry. */
    static final OssCallbackSpec.TokenIssuer ISSUER = (target, vars) -> CallbackToken.QUERY_PARAMETER + "="
            + TOKENS.issue(new CallbackToken.Binding("avatar", target.bucket(), target.key(), target.keyIsPrefix(),
                    target.confirmWithOss(), vars), EXPIRY);

    /** What an upload of a 640x480 PNG makes OSS substitute. */
    static final Map<String, String> SYSTEM_VALUES = Map.ofEntries(Map.entry("bucket", "photos"),
            Map.entry("object", "users/7/a b+ü.png"), Map.entry("etag", "D8E8FCA2DC0F896FD7CB4CB0031BA249"),
            Map.entry("size", "5385"), Map.entry("mimeType", "image/png"), Map.entry("imageInfo.height", "480"),
            Map.entry("imageInfo.width", "640"), Map.entry("imageInfo.format", "png"),
            Map.entry("crc64", "17461123456789012000"), Map.entry("contentMd5", "nbXlrGfwFyDIgSJjs1PBHA=="),
            Map.entry("vpcId", ""), Map.entry("clientIp", "198.51.100.4"),
            Map.entry("reqId", "5CF3E7821AB22D0FDB86704D"), Map.entry("operation", "PostObject"));
    static final Set<String> NUMERIC = Set.of("size", "imageInfo.height", "imageInfo.width", "crc64");

    static List<Field> allFields() {
        List<Field> fields = new ArrayList<>();
        OssUpload.SYSTEM_VARIABLES.forEach(v -> fields.add(Field.of(v)));
        fields.add(Field.of("x:user"));
        fields.add(new Field("order", "x:order_id"));
        return fields;
    }

    @Test
    void formBodyHasEncodedKeysAndExactlyTheBoundVariables() {
        CallbackTemplate template = CallbackTemplate.of("avatar", "/oss/avatar", CallbackBodyType.FORM, null, false,
                List.of(Field.of("bucket"), Field.of("object"), Field.of("size"), Field.of("imageInfo.width"),
                        Field.of("x:user")));
        assertThat(template.body())
                .isEqualTo("bucket=${bucket}&object=${object}&size=${size}&imageInfo.width=${imageInfo.width}"
                        + "&x%3Auser=${x:user}");
        assertThat(template.customVariables()).containsExactly("x:user");
    }

    @Test
    void jsonBodyHasUnquotedPlaceholders() {
        CallbackTemplate template = CallbackTemplate.of("avatar", "/oss/avatar", CallbackBodyType.JSON, null, false,
                List.of(Field.of("bucket"), Field.of("size"), Field.of("x:user"), new Field("we\"ird", "object")));
        assertThat(template.body()).isEqualTo("{\"bucket\":${bucket},\"size\":${size},\"x:user\":${x:user},"
                + "\"we\\\"ird\":${object}}");
    }

    @Test
    void filledFormCallbackRoundTripsThroughOssSubstitutionBindingAndToken() throws Exception {
        roundTrip(CallbackBodyType.FORM);
    }

    @Test
    void filledJsonCallbackRoundTripsThroughOssSubstitutionBindingAndToken() throws Exception {
        roundTrip(CallbackBodyType.JSON);
    }

    private void roundTrip(CallbackBodyType type) throws Exception {
        CallbackTemplate template = CallbackTemplate.of("avatar", "/oss/avatar", type, "cb.example.com", true,
                allFields());
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("user", "Jürgen \"&size=1\"");
        vars.put("x:order_id", "A/7");
        OssCallbackSpec unbound = template.fill(URLS, vars, ISSUER);
        assertThat(unbound.requiresBinding()).isTrue();
        assertThatThrownBy(unbound::callbackBase64).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind");
        OssCallbackSpec spec = unbound.bind(CallbackTarget.upload("photos", "users/7/a b+ü.png"));

        JsonNode callback = MAPPER.readTree(Base64.getDecoder().decode(spec.callbackBase64()));
        String[] urls = callback.get("callbackUrl").textValue().split(";");
        assertThat(urls).hasSize(2);
        assertThat(urls[0]).startsWith("https://app.example.com/api/oss/avatar?oss-cb-token=v2." + EXPIRY + ".k.");
        assertThat(urls[1]).startsWith("https://backup.example.com/api/oss/avatar?oss-cb-token=");
        assertThat(callback.get("callbackHost").textValue()).isEqualTo("cb.example.com");
        assertThat(callback.get("callbackBodyType").textValue()).isEqualTo(type.contentType());
        assertThat(callback.get("callbackSNI").booleanValue()).isTrue();
        Map<String, String> custom = new LinkedHashMap<>();
        MAPPER.readTree(Base64.getDecoder().decode(spec.callbackVarBase64().orElseThrow()))
                .fields().forEachRemaining(e -> custom.put(e.getKey(), e.getValue().textValue()));
        assertThat(custom).containsOnlyKeys("x:user", "x:order_id");

        Map<String, String> values = new LinkedHashMap<>(SYSTEM_VALUES);
        values.putAll(custom);
        byte[] body = substitute(callback.get("callbackBody").textValue(), type, values);

        CallbackFields fields = CallbackFields.parse(type, body);
        OssUpload upload = CallbackValues.ossUpload(fields);
        assertThat(upload.object()).isEqualTo("users/7/a b+ü.png");
        assertThat(upload.size()).isEqualTo(5385);
        assertThat(upload.imageInfo().orElseThrow().width()).isEqualTo(640);
        assertThat(upload.crc64AsString()).isEqualTo("17461123456789012000");
        assertThat(upload.vpcId()).isEmpty();
        assertThat(CallbackValues.requiredString(fields, "x:user")).isEqualTo("Jürgen \"&size=1\"");
        assertThat(CallbackValues.requiredString(fields, "order")).isEqualTo("A/7");

        String query = urls[0].substring(urls[0].indexOf('?') + 1);
        CallbackToken.Presented presented = CallbackToken.parse(CallbackToken.fromQuery(query));
        Map<String, String> fromBody = template.customValuesOf(fields);
        assertThat(fromBody).containsOnlyKeys("x:user", "x:order_id");
        assertThatCode(() -> TOKENS.check(presented, "avatar", template.stringValueOf(fields, "bucket"),
                template.stringValueOf(fields, "object"), fromBody, NOW)).doesNotThrowAnyException();
        // A PostObject form whose x:user the browser edited carries the same token but another value.
        Map<String, String> edited = Map.of("x:user", "admin", "x:order_id", "A/7");
        assertThatThrownBy(() -> TOKENS.check(presented, "avatar", "photos", "users/7/a b+ü.png", edited, NOW))
                .isInstanceOfSatisfying(CallbackToken.TokenException.class,
                        e -> assertThat(e.failure()).isEqualTo(CallbackToken.Failure.MISMATCH));
    }

    @Test
    void withoutTokenTheUrlHasNoQuery() {
        CallbackTemplate template = CallbackTemplate.of("plain", "/oss/p",
                CallbackBodyType.FORM, "", false, List.of(Field.of("bucket")));
        OssCallbackSpec spec = template.fill(List.of("http://localhost:8080/oss/p"), Map.of(), null);
        assertThat(spec.requiresBinding()).isFalse();
        assertThat(spec.urls()).containsExactly("http://localhost:8080/oss/p");
        assertThat(spec.host()).isEmpty();
        assertThat(spec.sni()).isEmpty();
        assertThat(spec.callbackVarBase64()).isEmpty();
    }

    @Test
    void fillRefusesMissingAndUnknownVariablesByName() {
        CallbackTemplate template = CallbackTemplate.of("avatar", "/a", CallbackBodyType.FORM, null, false,
                List.of(Field.of("x:user")));
        assertThatThrownBy(() -> template.fill(URLS, Map.of(), ISSUER)).hasMessageContaining("'x:user'");
        assertThatThrownBy(() -> template.fill(URLS, Map.of("user", "1", "other", "2"), ISSUER))
                .hasMessageContaining("'x:other'");
        assertThatThrownBy(() -> template.fill(URLS, Map.of("User", "1"), ISSUER))
                .hasMessageContaining("'User'");
    }

    /** Two fields of one variable must agree, or the token could check one value and the method bind the other. */
    @Test
    void fieldsOfOneVariableMustAgree() {
        CallbackTemplate template = CallbackTemplate.of("a", "/a", CallbackBodyType.FORM, null, false,
                List.of(Field.of("object"), new Field("file", "object"), Field.of("x:user"), new Field("u", "x:user")));
        CallbackFields agreeing = CallbackFields.parse(CallbackBodyType.FORM,
                "object=k&file=k&x%3Auser=a&u=a".getBytes(StandardCharsets.UTF_8));
        assertThat(template.stringValueOf(agreeing, "object")).isEqualTo("k");
        assertThat(template.customValuesOf(agreeing)).containsExactly(Map.entry("x:user", "a"));
        CallbackFields disagreeing = CallbackFields.parse(CallbackBodyType.FORM,
                "object=k&file=other&x%3Auser=a&u=b".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> template.stringValueOf(disagreeing, "object"))
                .isInstanceOf(CallbackBindingException.class).hasMessageContaining("file");
        assertThatThrownBy(() -> template.customValuesOf(disagreeing)).isInstanceOf(CallbackBindingException.class);
    }

    /** A test-only stand-in for OSS's substitution (protocol reference 2.4/2.5). */
    static byte[] substitute(String template, CallbackBodyType type, Map<String, String> values) throws Exception {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value = values.getOrDefault(variable, "");
            String replacement;
            if (type == CallbackBodyType.FORM) {
                replacement = URLEncoder.encode(value, StandardCharsets.UTF_8);
            } else if (value.isEmpty()) {
                replacement = "null";
            } else {
                replacement = NUMERIC.contains(variable) ? value : MAPPER.writeValueAsString(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
