package io.quarkiverse.alioss.runtime.callback.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.ImageInfo;
import io.quarkiverse.alioss.callback.OssUpload;

/** Field extraction from both body types (protocol reference 2.4/2.5 captures) and conversion to parameter types. */
class CallbackBindingTest {

    /** V2, a genuine OSS form body. */
    static final String V2_FORM = "filename=headSculpture%2Fjikang2.jpg&size=108904&mimeType=image%2Fjpeg&height=278&width=200";
    /** Genuine 2020 JSON-mode body. */
    static final String JSON_2020 = "{\"name\":\"2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg\",\"source_name\":"
            + "\"1/1_hFRtDLgM_2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg\",\"size\":114020,\"pic_info\":\"810,539\"}";
    /** The full 14-variable JSON shape (3rd-party capture; masked values filled in). */
    static final String FULL_JSON = "{\"bucket\":\"bucket-name\",\"object\":\"user-dir-prefix/image.jpg\","
            + "\"etag\":\"A3AC2D4B1E5F6A7B8C9D0E1F2A3BCACB\",\"size\":2788,\"mimeType\":\"image/jpeg\","
            + "\"imageInfo\":{\"height\":197,\"width\":257,\"format\":\"jpg\"},\"crc64\":17461123456789012000,"
            + "\"contentMd5\":\"o6wbAbCdEfGhIjKlMnOqyw==\",\"vpcId\":null,\"clientIp\":\"203.0.113.9\","
            + "\"reqId\":\"674EB5AA2ABCDEF37341888F8\",\"operation\":\"PutObject\"}";
    /** The same upload as our own FORM template would make OSS send it (non-image, CompleteMultipartUpload). */
    static final String FULL_FORM = "bucket=bucket-name&object=user-dir-prefix%2Fa+b%2Bc.bin&etag=A3AC-2&size=2788"
            + "&mimeType=application%2Foctet-stream&imageInfo.height=&imageInfo.width=&imageInfo.format="
            + "&crc64=8707180448768400016&contentMd5=&vpcId=&clientIp=203.0.113.9&reqId=674EB5AA2ABCDEF37341888F8"
            + "&operation=CompleteMultipartUpload&x%3Auser=j%C3%BCrgen&x:plain=1";

    static CallbackFields form(String body) {
        return CallbackFields.parse(CallbackBodyType.FORM, body.getBytes(StandardCharsets.UTF_8));
    }

    static CallbackFields json(String body) {
        return CallbackFields.parse(CallbackBodyType.JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void v2FormBodyBindsTypedValues() {
        CallbackFields fields = form(V2_FORM);
        assertThat(CallbackValues.requiredString(fields, "filename")).isEqualTo("headSculpture/jikang2.jpg");
        assertThat(CallbackValues.requiredLong(fields, "size")).isEqualTo(108904L);
        assertThat(CallbackValues.requiredString(fields, "mimeType")).isEqualTo("image/jpeg");
        assertThat(CallbackValues.requiredInt(fields, "height")).isEqualTo(278);
        assertThat(CallbackValues.required(fields, "width", ValueParser.SHORT)).isEqualTo((short) 200);
        assertThat(fields.get("bucket")).isNull();
    }

    @Test
    void json2020BodyBindsQuotedAndBareValues() {
        CallbackFields fields = json(JSON_2020);
        assertThat(CallbackValues.requiredString(fields, "source_name"))
                .isEqualTo("1/1_hFRtDLgM_2f7b2ccf30e9270ea920f1ab8a4037a546a2f0d5.jpg");
        assertThat(CallbackValues.requiredLong(fields, "size")).isEqualTo(114020L);
        assertThat(CallbackValues.requiredString(fields, "size")).isEqualTo("114020");
        assertThat(CallbackValues.requiredString(fields, "pic_info")).isEqualTo("810,539");
    }

    @Test
    void fullJsonBodyAssemblesOssUpload() {
        OssUpload upload = CallbackValues.ossUpload(json(FULL_JSON));
        assertThat(upload.bucket()).isEqualTo("bucket-name");
        assertThat(upload.object()).isEqualTo("user-dir-prefix/image.jpg");
        assertThat(upload.etag()).isEqualTo("A3AC2D4B1E5F6A7B8C9D0E1F2A3BCACB");
        assertThat(upload.size()).isEqualTo(2788L);
        assertThat(upload.mimeType()).isEqualTo("image/jpeg");
        assertThat(upload.imageInfo()).contains(new ImageInfo(257, 197, "jpg"));
        // above 2^63: held as a negative long, printed unsigned
        assertThat(upload.crc64()).isNegative();
        assertThat(upload.crc64AsString()).isEqualTo("17461123456789012000");
        assertThat(upload.contentMd5()).contains("o6wbAbCdEfGhIjKlMnOqyw==");
        assertThat(upload.vpcId()).isEmpty();
        assertThat(upload.clientIp()).isEqualTo("203.0.113.9");
        assertThat(upload.reqId()).isEqualTo("674EB5AA2ABCDEF37341888F8");
        assertThat(upload.operation()).isEqualTo("PutObject");
    }

    @Test
    void fullFormBodyAssemblesOssUploadWithoutImage() {
        CallbackFields fields = form(FULL_FORM);
        OssUpload upload = CallbackValues.ossUpload(fields);
        assertThat(upload.object()).isEqualTo("user-dir-prefix/a b+c.bin");
        assertThat(upload.imageInfo()).isEmpty();
        assertThat(upload.contentMd5()).isEmpty();
        assertThat(upload.vpcId()).isEmpty();
        assertThat(upload.crc64AsString()).isEqualTo("8707180448768400016");
        assertThat(upload.operation()).isEqualTo("CompleteMultipartUpload");
        assertThat(fields.get("x:user")).isEqualTo("jürgen");
        assertThat(fields.get("x:plain")).isEqualTo("1");
    }

    @Test
    void jsonFlatDottedKeysAndNestedPathsBothWork() {
        CallbackFields flat = json("{\"imageInfo.width\":200,\"imageInfo.height\":\"100\",\"imageInfo.format\":\"png\"}");
        assertThat(CallbackValues.requiredInt(flat, "imageInfo.width")).isEqualTo(200);
        assertThat(CallbackValues.requiredInt(flat, "imageInfo.height")).isEqualTo(100);
        CallbackFields nested = json("{\"imageInfo\":{\"width\":200}}");
        assertThat(nested.get("imageInfo.width")).isEqualTo("200");
        assertThat(nested.get("imageInfo.height")).isNull();
        assertThat(nested.get("imageInfo.width.x")).isNull();
    }

    @Test
    void jsonNullAndEmptyAreAbsentForOptionalAndRequiredNumbers() {
        CallbackFields fields = json("{\"a\":null,\"b\":\"\",\"c\":true,\"d\":1.50}");
        assertThat(CallbackValues.optional(fields, "a", ValueParser.STRING)).isEmpty();
        assertThat(CallbackValues.optional(fields, "b", ValueParser.LONG)).isEmpty();
        assertThat(CallbackValues.orNull(fields, "b", ValueParser.INT)).isNull();
        assertThat(CallbackValues.requiredString(fields, "b")).isEmpty();
        assertThat(CallbackValues.requiredBoolean(fields, "c")).isTrue();
        assertThat(CallbackValues.requiredDouble(fields, "d")).isEqualTo(1.5);
        assertBinding(() -> CallbackValues.requiredLong(fields, "b"), "b", "required");
        assertBinding(() -> CallbackValues.requiredString(fields, "a"), "a", "required");
    }

    @Test
    void formWithPlusAsSpaceAndLiteralColonKeys() {
        CallbackFields fields = form("x:var1=for+callback%20test&empty=&flag");
        assertThat(fields.get("x:var1")).isEqualTo("for callback test");
        assertThat(fields.get("empty")).isEmpty();
        assertThat(fields.get("flag")).isEmpty();
    }

    @Test
    void repeatedFormKeyIsRefusedWhenRead() {
        CallbackFields fields = form("size=1&size=2&other=x&other=y&ok=1");
        assertBinding(() -> fields.get("size"), "size", "more than once");
        assertThat(fields.get("ok")).isEqualTo("1");
    }

    @Test
    void repeatedJsonKeyIsRefused() {
        assertBinding(() -> json("{\"size\":1,\"size\":2}"), null, "not a JSON object");
    }

    @Test
    void formLikeBodyInJsonModeIsRefusedWithAClearReason() {
        // The genuine 2025 capture: OSS sent this for a form-like template with application/json.
        String quirk = "filename=\"local/var/www/zhuye.png\"&size=5385&mimeType=\"application/octet-stream\"&height=256&width=256";
        assertBinding(() -> json(quirk), null, "template for application/json must be a JSON object");
        assertBinding(() -> json("[1,2]"), null, "not a JSON object");
        assertBinding(() -> json("{\"a\":1} trailing"), null, "not a JSON object");
        assertBinding(() -> json(""), null, "not a JSON object");
    }

    @Test
    void jsonContainerWhereValueExpectedIsRefused() {
        CallbackFields fields = json("{\"imageInfo\":{\"width\":1}}");
        assertBinding(() -> fields.get("imageInfo"), "imageInfo", "JSON object");
    }

    @Test
    void badValuesNameTheFieldAndWhatWasExpected() {
        CallbackFields fields = form("size=12a&n=99999999999&f=yes&id=not-a-uuid&c=ab&e=PUT_OBJECT&u=-1");
        assertBinding(() -> CallbackValues.requiredLong(fields, "size"), "size", "expected a whole number, got '12a'");
        assertBinding(() -> CallbackValues.requiredInt(fields, "n"), "n", "int");
        assertBinding(() -> CallbackValues.requiredBoolean(fields, "f"), "f", "true or false");
        assertBinding(() -> CallbackValues.required(fields, "id", ValueParser.UUID_VALUE), "id", "UUID");
        assertBinding(() -> CallbackValues.required(fields, "c", ValueParser.CHAR), "c", "single character");
        assertBinding(() -> CallbackValues.required(fields, "e", ValueParser.enumOf(Operation.class)), "e",
                "PutObject");
        assertBinding(() -> CallbackValues.required(fields, "u", ValueParser.UNSIGNED_LONG), "u", "unsigned");
        assertBinding(() -> CallbackValues.requiredLong(fields, "missing"), "missing", "required");
    }

    @Test
    void enumsUuidsAndOptionalsConvert() {
        UUID id = UUID.randomUUID();
        CallbackFields fields = json("{\"op\":\"PostObject\",\"id\":\"" + id + "\",\"n\":7}");
        assertThat(CallbackValues.required(fields, "op", ValueParser.enumOf(Operation.class)))
                .isEqualTo(Operation.PostObject);
        assertThat(CallbackValues.required(fields, "id", ValueParser.UUID_VALUE)).isEqualTo(id);
        assertThat(CallbackValues.optional(fields, "n", ValueParser.LONG)).isEqualTo(Optional.of(7L));
        assertThat(CallbackValues.optional(fields, "none", ValueParser.LONG)).isEmpty();
    }

    @Test
    void ossUploadRefusesMissingRequiredFieldsByName() {
        assertBinding(() -> CallbackValues.ossUpload(json("{\"bucket\":\"b\",\"object\":\"o\",\"crc64\":1}")), "size",
                "required");
        assertBinding(() -> CallbackValues.ossUpload(form("bucket=b&size=1&crc64=1")), "object", "required");
        assertBinding(() -> CallbackValues.ossUpload(form("bucket=b&object=o&size=1&crc64=x")), "crc64", "unsigned");
    }

    @Test
    void invalidPercentSequenceIsABindingErrorNotACrash() {
        CallbackFields fields = form("a=%zz&b=1");
        assertBinding(() -> fields.get("a"), "a", "URL-decoded");
        assertThat(fields.get("b")).isEqualTo("1");
        assertBinding(() -> form("%zz=1"), null, "cannot be decoded");
    }

    @Test
    void messagesShortenLongValues() {
        String longValue = "x".repeat(500);
        assertThatThrownBy(() -> CallbackValues.requiredLong(form("size=" + longValue), "size"))
                .hasMessageNotContaining(longValue).hasMessageContaining("...");
    }

    enum Operation {
        PutObject,
        PostObject
    }

    static void assertBinding(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackBindingException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e).hasMessageContaining(text);
        });
    }
}
