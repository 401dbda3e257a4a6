package io.quarkiverse.alioss.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** Browser form uploads with V4 and V1 policy signatures, and every policy rule that must refuse an upload. */
class PostObjectTest {

    private static final String BUCKET = "form-bucket";
    private static final byte[] FILE = "form file content".getBytes(StandardCharsets.UTF_8);

    private static OssEmulator emulator;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        http = new RawHttp(emulator.port());
    }

    @AfterAll
    static void stop() {
        http.close();
        emulator.close();
    }

    @Test
    void testSignerReproducesTheReferenceVector() {
        // the reference's worked example checks the test's own signer first
        assertThat(PostForm.signV4("sk", "20231203", "cn-hangzhou",
                "eyJleHBpcmF0aW9uIjoiMjAyMy0xMi0wM1QxMzoxMjoxMi4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZXhhbXBsZWJ1Y2tldCJ9LHsieC1vc3Mtc2lnbmF0dXJlLXZlcnNpb24iOiJPU1M0LUhNQUMtU0hBMjU2In0seyJ4LW9zcy1jcmVkZW50aWFsIjoiYWsvMjAyMzEyMDMvY24taGFuZ3pob3Uvb3NzL2FsaXl1bl92NF9yZXF1ZXN0In0seyJ4LW9zcy1kYXRlIjoiMjAyMzEyMDNUMTIxMjEyWiJ9LFsiY29udGVudC1sZW5ndGgtcmFuZ2UiLDEsMTAyNF1dfQ=="))
                .isEqualTo("a9d2bb5685784710427e7d5f6a0257be0a3ab2b70396e3d28cda4ab77d9c43cb");
    }

    private PostForm v4Form(String key, String policyJson) {
        return PostForm.signedV4(emulator.accessKeyId(), emulator.accessKeySecret(), emulator.region(), key,
                policyJson);
    }

    private static String policy(String conditions, Instant expiration) {
        return "{\"expiration\":\"" + expiration.truncatedTo(ChronoUnit.SECONDS) + "\",\"conditions\":["
                + "{\"bucket\":\"" + BUCKET + "\"}," + conditions + "]}";
    }

    private static final String RULES = "[\"starts-with\",\"$key\",\"uploads/\"],"
            + "[\"content-length-range\",1,1024],{\"x:uid\":\"42\"}";

    private RawHttp.Response post(Buffer form) throws Exception {
        return http.send(HttpMethod.POST, "/" + BUCKET, PostForm.headers(), form);
    }

    @Test
    void v4PolicyUploadReplacesFilenameAndAnswers201() throws Exception {
        Buffer form = v4Form("uploads/${filename}", policy(RULES, Instant.now().plusSeconds(600)))
                .field("x:uid", "42").field("success_action_status", "201").field("Content-Type", "text/plain")
                .withFile("photo.txt", "text/plain", FILE);
        RawHttp.Response response = post(form);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.text()).contains("<Key>uploads/photo.txt</Key>").contains("<Bucket>" + BUCKET);
        assertThat(response.headers().get("ETag")).isEqualTo("\"" + md5Hex(FILE) + "\"");
        assertThat(response.headers().get("x-oss-hash-crc64ecma")).isNotBlank();
        assertThat(emulator.hasObject(BUCKET, "uploads/photo.txt")).isTrue();
    }

    @Test
    void v1PolicyUploadAnswers204ByDefault() throws Exception {
        String policy = PostForm.base64(policy("[\"content-length-range\",1,1024]", Instant.now().plusSeconds(600)));
        Buffer form = new PostForm().field("key", "v1/file.txt").field("policy", policy)
                .field("OSSAccessKeyId", emulator.accessKeyId())
                .field("Signature", PostForm.signV1(emulator.accessKeySecret(), policy))
                .withFile("file.txt", "text/plain", FILE);
        RawHttp.Response response = post(form);
        assertThat(response.status()).as(response.text()).isEqualTo(204);
        assertThat(emulator.hasObject(BUCKET, "v1/file.txt")).isTrue();
    }

    @Test
    void expiredPolicyIsRefused() throws Exception {
        Buffer form = v4Form("uploads/expired.txt", policy(RULES, Instant.now().minusSeconds(5)))
                .field("x:uid", "42").withFile("a.txt", "text/plain", FILE);
        assertRefused(form, 403, "AccessDenied", "uploads/expired.txt",
                "<Message>Invalid according to Policy: Policy expired.</Message>");
    }

    @Test
    void fileOutsideContentLengthRangeIsRefused() throws Exception {
        Buffer form = v4Form("uploads/big.txt", policy(RULES, Instant.now().plusSeconds(600)))
                .field("x:uid", "42").withFile("big.txt", "text/plain", new byte[2048]);
        assertRefused(form, 400, "EntityTooLarge", "uploads/big.txt",
                "<Message>Your proposed upload exceeds the maximum allowed size.</Message>");
    }

    @Test
    void keyOutsideStartsWithIsRefused() throws Exception {
        Buffer form = v4Form("elsewhere/file.txt", policy(RULES, Instant.now().plusSeconds(600)))
                .field("x:uid", "42").withFile("file.txt", "text/plain", FILE);
        assertRefused(form, 403, "AccessDenied", "elsewhere/file.txt",
                "Invalid according to Policy: Policy Condition failed: ", "$key");
    }

    @Test
    void editedCustomVariableIsRefused() throws Exception {
        Buffer form = v4Form("uploads/edited.txt", policy(RULES, Instant.now().plusSeconds(600)))
                .field("x:uid", "43").withFile("file.txt", "text/plain", FILE);
        assertRefused(form, 403, "AccessDenied", "uploads/edited.txt",
                "Invalid according to Policy: Policy Condition failed: ", "x:uid");
    }

    @Test
    void wrongSignatureIsRefusedBeforeStoring() throws Exception {
        String policy = PostForm.base64(policy("[\"content-length-range\",1,1024]", Instant.now().plusSeconds(600)));
        Buffer form = new PostForm().field("key", "v1/forged.txt").field("policy", policy)
                .field("OSSAccessKeyId", emulator.accessKeyId())
                .field("Signature", PostForm.signV1("not-the-secret", policy))
                .withFile("file.txt", "text/plain", FILE);
        assertRefused(form, 403, "SignatureDoesNotMatch", "v1/forged.txt");
    }

    @Test
    void formWithoutFileIsRefused() throws Exception {
        Buffer body = Buffer.buffer("--" + PostForm.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n"
                + "k\r\n--" + PostForm.BOUNDARY + "--\r\n");
        RawHttp.Response response = post(body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("IncorrectNumberOfFilesInPOSTRequest");
    }

    /** The form is answered with that status and code (and message part), and nothing is stored under the key. */
    private void assertRefused(Buffer form, int status, String code, String key, String... messageParts)
            throws Exception {
        RawHttp.Response response = post(form);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.text()).contains("<Code>" + code + "</Code>");
        for (String part : messageParts) {
            assertThat(response.text()).contains(part);
        }
        assertThat(emulator.hasObject(BUCKET, key)).isFalse();
    }

    static String md5Hex(byte[] content) throws Exception {
        return java.util.HexFormat.of().withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
    }
}
