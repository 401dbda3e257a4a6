package io.quarkiverse.alioss.emulator.callback;

import static io.quarkiverse.alioss.emulator.callback.CallbackSpecTest.b64;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.emulator.image.ImageInfo;

class CallbackBodyRenderingTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    static UploadFacts facts(String object, long size, String mimeType, ImageInfo image) {
        return new UploadFacts("examplebucket", object, "D8E8FCA2DC0F896FD7CB4CB0031BA249", size, mimeType, image,
                "11051210869376104954", "eB5eJF1ptWaXm4bijSPyxw==", "", "203.0.113.9", "5CF3E7821AB22D0FDB86704D",
                "PutObject");
    }

    static String render(String template, String type, UploadFacts facts, Map<String, String> vars,
            CallbackRenderOptions options) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(
                    Map.of("callbackUrl", "a.example.com", "callbackBody", template, "callbackBodyType", type));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        CallbackSpec spec = CallbackSpec.parseForPostObject(b64(json), vars);
        return new String(spec.renderBody(facts, options), StandardCharsets.UTF_8);
    }

    static String render(String template, String type, UploadFacts facts, Map<String, String> vars) {
        return render(template, type, facts, vars, CallbackRenderOptions.defaults());
    }

    @Test
    void reproducesTheGenuineV2FormBody() {
        String body = render(
                "filename=${object}&size=${size}&mimeType=${mimeType}&height=${imageInfo.height}&width=${imageInfo.width}",
                FORM, facts("headSculpture/jikang2.jpg", 108904, "image/jpeg", new ImageInfo(200, 278, "jpg")),
                Map.of());
        assertThat(body).isEqualTo(
                "filename=headSculpture%2Fjikang2.jpg&size=108904&mimeType=image%2Fjpeg&height=278&width=200");
        assertThat(Md5.base64(body.getBytes(StandardCharsets.UTF_8))).isEqualTo("G5H/anNzgdvMS2AsvXpi6A==");
    }

    @Test
    void reproducesThe2020JsonCapture() {
        String body = render(
                "{\"name\":${x:fname},\"source_name\":${object},\"size\":${size},\"pic_info\":\"${imageInfo.width},${imageInfo.height}\"}",
                JSON, facts("1/1_hFRtDLgM_2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg", 114020, "image/jpeg",
                        new ImageInfo(810, 539, "jpg")),
                Map.of("x:fname", "2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg"));
        assertThat(body).isEqualTo("{\"name\":\"2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg\","
                + "\"source_name\":\"1/1_hFRtDLgM_2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg\","
                + "\"size\":114020,\"pic_info\":\"810,539\"}");
    }

    @Test
    void reproducesThe2025NonJsonTemplateInJsonMode() {
        String body = render(
                "filename=${object}&size=${size}&mimeType=${mimeType}&height=${imageInfo.height}&width=${imageInfo.width}",
                JSON, facts("local/var/www/zhuye.png", 5385, "application/octet-stream", new ImageInfo(256, 256, "png")),
                Map.of());
        assertThat(body).isEqualTo(
                "filename=\"local/var/www/zhuye.png\"&size=5385&mimeType=\"application/octet-stream\"&height=256&width=256");
    }

    @Test
    void jsonModeRendersAllFourteenVariablesWithTheirTypes() throws Exception {
        String template = "{\"bucket\":${bucket},\"object\":${object},\"etag\":${etag},\"size\":${size},"
                + "\"mimeType\":${mimeType},\"imageInfo\":{\"height\":${imageInfo.height},\"width\":${imageInfo.width},"
                + "\"format\":${imageInfo.format}},\"crc64\":${crc64},\"contentMd5\":${contentMd5},\"vpcId\":${vpcId},"
                + "\"clientIp\":${clientIp},\"reqId\":${reqId},\"operation\":${operation}}";
        String body = render(template, JSON,
                facts("user-dir-prefix/image.jpg", 2788, "image/jpeg", new ImageInfo(257, 197, "jpg")), Map.of());
        assertThat(body).isEqualTo("{\"bucket\":\"examplebucket\",\"object\":\"user-dir-prefix/image.jpg\","
                + "\"etag\":\"D8E8FCA2DC0F896FD7CB4CB0031BA249\",\"size\":2788,\"mimeType\":\"image/jpeg\","
                + "\"imageInfo\":{\"height\":197,\"width\":257,\"format\":\"jpg\"},\"crc64\":11051210869376104954,"
                + "\"contentMd5\":\"eB5eJF1ptWaXm4bijSPyxw==\",\"vpcId\":null,\"clientIp\":\"203.0.113.9\","
                + "\"reqId\":\"5CF3E7821AB22D0FDB86704D\",\"operation\":\"PutObject\"}");
        JsonNode parsed = new ObjectMapper().readTree(body);
        assertThat(parsed.get("crc64").bigIntegerValue().toString()).isEqualTo("11051210869376104954");
    }

    @Test
    void formModeRendersAllFourteenVariables() {
        String template = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
                + "&imageInfo.height=${imageInfo.height}&imageInfo.width=${imageInfo.width}"
                + "&imageInfo.format=${imageInfo.format}&crc64=${crc64}&contentMd5=${contentMd5}&vpcId=${vpcId}"
                + "&clientIp=${clientIp}&reqId=${reqId}&operation=${operation}&x:var1=${x:var1}";
        String body = render(template, FORM, facts("a b/c.txt", 3, "text/plain", null),
                Map.of("x:var1", "for-callback-test"));
        assertThat(body).isEqualTo("bucket=examplebucket&object=a%20b%2Fc.txt&etag=D8E8FCA2DC0F896FD7CB4CB0031BA249"
                + "&size=3&mimeType=text%2Fplain&imageInfo.height=&imageInfo.width=&imageInfo.format="
                + "&crc64=11051210869376104954&contentMd5=eB5eJF1ptWaXm4bijSPyxw%3D%3D&vpcId="
                + "&clientIp=203.0.113.9&reqId=5CF3E7821AB22D0FDB86704D&operation=PutObject&x:var1=for-callback-test");
    }

    @Test
    void jsonModeEmitsNullForNonImagesAndEmptyValues() {
        String body = render("{\"w\":${imageInfo.width},\"h\":${imageInfo.height},\"f\":${imageInfo.format},"
                + "\"md5\":${contentMd5},\"v\":${x:empty}}", JSON,
                new UploadFacts("b", "o", "E", 0, "text/plain", null, "0", "", "", "ip", "r",
                        "CompleteMultipartUpload"),
                Map.of("x:empty", ""));
        assertThat(body).isEqualTo("{\"w\":null,\"h\":null,\"f\":null,\"md5\":null,\"v\":null}");
    }

    @Test
    void jsonModeCanEmitEmptyStringsInsteadOfNull() {
        String body = render("{\"f\":${imageInfo.format},\"w\":${imageInfo.width},\"u\":${x:undefined}}", JSON,
                facts("o", 1, "t", null), Map.of(),
                new CallbackRenderOptions(false, CallbackRenderOptions.UndefinedVariable.EMPTY));
        assertThat(body).isEqualTo("{\"f\":\"\",\"w\":\"\",\"u\":\"\"}");
    }

    @Test
    void jsonModeEscapesStringsLikeJacksonButNotTheSlash() throws Exception {
        String nasty = "a\"b\\c/d\ne\u0001f é 日本";
        String body = render("{\"o\":${object},\"v\":${x:v}}", JSON, facts(nasty, 1, "t", null),
                Map.of("x:v", "123"));
        assertThat(body).contains("c/d").doesNotContain("\\/");
        JsonNode parsed = new ObjectMapper().readTree(body);
        assertThat(parsed.get("o").textValue()).isEqualTo(nasty);
        assertThat(parsed.get("v").isTextual()).as("custom variables are always strings").isTrue();
    }

    @Test
    void formModeEncodesUtf8AndReservedCharacters() {
        String body = render("v=${x:v}", FORM, facts("o", 1, "t", null), Map.of("x:v", "a b*~+&=é/"));
        assertThat(body).isEqualTo("v=a%20b%2A~%2B%26%3D%C3%A9%2F");
    }

    @Test
    void undefinedCustomAndUnknownSystemVariablesAreEmptyByDefault() {
        UploadFacts facts = facts("o", 1, "t", null);
        assertThat(render("a=${x:foo}&b=${nope}&c=${Bucket}", FORM, facts, Map.of())).isEqualTo("a=&b=&c=");
        assertThat(render("{\"a\":${x:foo},\"b\":${nope}}", JSON, facts, Map.of())).isEqualTo("{\"a\":null,\"b\":null}");
    }

    @Test
    void undefinedVariablesCanBeKeptVerbatim() {
        CallbackRenderOptions verbatim = new CallbackRenderOptions(true, CallbackRenderOptions.UndefinedVariable.VERBATIM);
        assertThat(render("a=${x:foo}&b=${bucket}", FORM, facts("o", 1, "t", null), Map.of(), verbatim))
                .isEqualTo("a=${x:foo}&b=examplebucket");
    }

    @Test
    void copiesEverythingOutsidePlaceholdersVerbatim() {
        String constant = "  {x:y} ! ' \" é %2F + & = \t}";
        assertThat(render(constant + "${size}" + constant, FORM, facts("o", 42, "t", null), Map.of()))
                .isEqualTo(constant + "42" + constant);
    }
}
