package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.model.MultipartUpload;
import io.quarkiverse.alioss.model.PartETag;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * End to end against the OSS emulator: put, multipart complete, presigned PUT and a browser's PostObject, each carrying
 * an injected template's callback, reach the method with the right values, and the uploader receives the method's
 * reply. Then what an attacker with an account of their own can do: have OSS (the emulator, from another bucket) send
 * the route signed callbacks with bodies they wrote, with no token or with a token taken from a genuine form. The
 * method must never run for those.
 */
class EmulatorUploadCallbacksTest {

    static final String SECRET = "emulator-upload-callbacks-test-secret-0123456789";
    static final Duration FORM_VALIDITY = Duration.ofMinutes(10);

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Uploads.class, Saved.class, TestEmulator.class,
                    RefusalRecords.class)),
            SECRET)
            // the attacker's own account: an ordinary client of the same OSS, for their own bucket
            .overrideConfigKey("quarkus.oss.attacker.endpoint", TestEmulator.endpoint())
            .overrideConfigKey("quarkus.oss.attacker.region", TestEmulator.region())
            .overrideConfigKey("quarkus.oss.attacker.bucket", TestEmulator.ATTACKER_BUCKET)
            .overrideConfigKey("quarkus.oss.attacker.credentials.access-key-id", TestEmulator.accessKeyId())
            .overrideConfigKey("quarkus.oss.attacker.credentials.access-key-secret", TestEmulator.accessKeySecret());

    record Saved(String user, String operation, String object, long size) {
    }

    @ApplicationScoped
    static class Uploads {
        static final List<Saved> RECEIVED = new CopyOnWriteArrayList<>();

        @OssCallback(path = "/oss/uploaded", name = "uploaded")
        Saved uploaded(OssUpload upload, @CallbackVar("user") String user) {
            Saved saved = new Saved(user, upload.operation(), upload.object(), upload.size());
            RECEIVED.add(saved);
            return saved;
        }

        /** Asks for confirmation with OSS even for the application's own uploads. */
        @OssCallback(path = "/oss/confirmed", name = "confirmed", confirm = true)
        Saved confirmed(OssUpload upload) {
            Saved saved = new Saved("-", upload.operation(), upload.object(), upload.size());
            RECEIVED.add(saved);
            return saved;
        }
    }

    @Inject
    OssClient client;

    @Inject
    @OssClientName("attacker")
    OssClient attacker;

    @Inject
    @CallbackTemplateName("uploaded")
    OssCallbackTemplate uploaded;

    @Inject
    @CallbackTemplateName("confirmed")
    OssCallbackTemplate confirmed;

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        Uploads.RECEIVED.clear();
        refusals = RefusalRecords.capture();
    }

    @Test
    void putObjectReachesTheMethodAndTheClientGetsItsReply() {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        UploadResult result = client.putObject("e2e/put.txt", content,
                UploadOptions.defaults().callback(uploaded.fill(Map.of("user", "alice"))));

        Saved expected = new Saved("alice", "PutObject", "e2e/put.txt", content.length);
        assertThat(Uploads.RECEIVED).containsExactly(expected);
        assertThat(result.callbackReply()).hasValueSatisfying(reply -> {
            assertThat(reply.as(Saved.class)).isEqualTo(expected);
            assertThat(reply.contentType()).startsWith("application/json");
        });
    }

    @Test
    void multipartCompleteReachesTheMethodAndTheClientGetsItsReply() {
        byte[] first = new byte[(int) UploadOptions.MIN_PART_SIZE];
        Arrays.fill(first, (byte) 'a');
        byte[] last = "tail".getBytes(StandardCharsets.UTF_8);
        String key = "e2e/multipart.bin";
        MultipartUpload upload = client.initiateMultipartUpload(key, UploadOptions.defaults());
        List<PartETag> parts = new ArrayList<>();
        parts.add(client.uploadPart(key, upload.uploadId(), 1, first));
        parts.add(client.uploadPart(key, upload.uploadId(), 2, last));

        UploadResult result = client.completeMultipartUpload(key, upload.uploadId(), parts,
                UploadOptions.defaults().callback(uploaded.fill(Map.of("user", "bob"))));

        Saved expected = new Saved("bob", "CompleteMultipartUpload", key, first.length + last.length);
        assertThat(result.multipart()).isTrue();
        assertThat(Uploads.RECEIVED).containsExactly(expected);
        assertThat(result.callbackReply()).hasValueSatisfying(reply -> assertThat(reply.as(Saved.class))
                .isEqualTo(expected));
    }

    @Test
    void presignedPutReachesTheMethodAndTheUploaderGetsItsReply() throws Exception {
        byte[] content = "presigned".getBytes(StandardCharsets.UTF_8);
        PresignedRequest presigned = client.presigner().presignPut(
                PresignPutRequest.forKey("e2e/presigned.txt").validity(Duration.ofMinutes(5)).contentType("text/plain")
                        .callback(uploaded.fill(Map.of("user", "carol"))));

        HttpResponse<String> response = upload(presigned, content);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"user\":\"carol\",\"operation\":\"PutObject\",\"object\":\"e2e/presigned.txt\","
                        + "\"size\":9}");
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("carol", "PutObject", "e2e/presigned.txt", 9));
    }

    @Test
    void browserPostObjectReachesTheMethodAndTheBrowserGetsItsReply() {
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKey("e2e/post.txt")
                .callback(uploaded.fill(Map.of("user", "dave"))));
        assertThat(form.fields()).containsEntry("x:user", "dave");

        postForm(form, Map.of(), "posted!").then().statusCode(200)
                .body(equalTo(
                        "{\"user\":\"dave\",\"operation\":\"PostObject\",\"object\":\"e2e/post.txt\",\"size\":7}"));
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("dave", "PostObject", "e2e/post.txt", 7));
    }

    @Test
    void browserPostObjectWithAKeyPrefixPinsThePrefix() {
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKeyPrefix("e2e/prefix/")
                .callback(uploaded.fill(Map.of("user", "erin"))));

        postForm(form, Map.of("key", "e2e/prefix/chosen.txt"), "posted!").then().statusCode(200);
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("erin", "PostObject", "e2e/prefix/chosen.txt", 7));
    }

    @Test
    void editedXValueInAPinnedFormIsRefusedByTheEmulatorPolicy() {
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKey("e2e/pinned.txt")
                .callback(uploaded.fill(Map.of("user", "dave"))));

        postForm(form, Map.of("x:user", "mallory"), "posted!").then().statusCode(403);
        assertThat(Uploads.RECEIVED).isEmpty();
    }

    /**
     * The form's policy pins the callback but not {@code x:user}, so OSS lets the browser choose its value: the token,
     * issued for alice, refuses mallory (OSS reports 203 CallbackFailed) and accepts alice.
     */
    @Test
    void xValueOtherThanTheTokensIsRefusedEvenWhenThePolicyDoesNotPinIt() {
        String key = "e2e/unpinned.txt";
        OssCallbackSpec forAlice = uploaded.fill(Map.of("user", "alice"))
                .bind(CallbackTarget.postObject(TestEmulator.BUCKET, key, FORM_VALIDITY));
        OssCallbackSpec unpinned = OssCallbackSpec.builder().urls(forAlice.urls()).body(forAlice.body())
                .bodyType(forAlice.bodyType()).build();
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKey(key).validity(FORM_VALIDITY)
                .callback(unpinned));
        assertThat(form.fields()).doesNotContainKey("x:user");

        postForm(form, Map.of("x:user", "mallory"), "posted!").then().statusCode(203)
                .body(containsString("Error status : 403"));
        assertThat(Uploads.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("TOKEN_MISMATCH");

        postForm(form, Map.of("x:user", "alice"), "posted!").then().statusCode(200)
                .body(containsString("\"user\":\"alice\""));
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("alice", "PostObject", key, 7));
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = token("e2e/refused.txt", Map.of("x:user", "alice"), Instant.now().minusSeconds(60), SECRET);
        assertRefusedWithQuery(CallbackToken.QUERY_PARAMETER + "=" + expired, "TOKEN_EXPIRED");
    }

    @Test
    void missingTokenIsRefused() {
        assertRefusedWithQuery(null, "TOKEN_MISSING");
    }

    @Test
    void tokenFromAnotherSecretIsRefused() {
        String forged = token("e2e/refused.txt", Map.of("x:user", "alice"), Instant.now().plusSeconds(600),
                "another-secret-of-at-least-32-bytes-long!");
        assertRefusedWithQuery(CallbackToken.QUERY_PARAMETER + "=" + forged, "TOKEN_MISMATCH");
    }

    /**
     * The attack the token exists for: from their own account, anyone can upload with {@code callbackUrl} = our route
     * and a literal body that names our bucket, another object and another user; OSS signs and delivers it.
     */
    @Test
    void callbackFromAnAttackersBucketWithoutTokenIsRefused() {
        String url = "http://localhost:" + TestEmulator.appPort() + "/oss/uploaded";

        assertThatThrownBy(() -> attacker.putObject("their-own.txt", new byte[] { 1 },
                literalCallback(url, "photos", "avatars/victim.png", "1", "victim")))
                .isInstanceOfSatisfying(OssCallbackFailedException.class,
                        e -> assertThat(e.ossMessage()).contains("Error status : 403"));
        assertThat(Uploads.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("TOKEN_MISSING");
    }

    /**
     * The attacker got a genuine form of their own (its token is in the form's callback field) and uses that token from
     * their own account, claiming another object and another user: the token pins the form's key and user.
     */
    @Test
    void stolenFormTokenUsedForAnotherObjectFromAnAttackersBucketIsRefused() throws Exception {
        String stolenUrl = callbackUrlOf(client.presigner().postObjectForm(PostObjectRequest.forKey("e2e/form-of-mallory.png")
                .validity(FORM_VALIDITY).callback(uploaded.fill(Map.of("user", "mallory")))));

        assertThatThrownBy(() -> attacker.putObject("their-own.txt", new byte[] { 1 },
                literalCallback(stolenUrl, "photos", "avatars/victim.png", "1", "victim")))
                .isInstanceOfSatisfying(OssCallbackFailedException.class,
                        e -> assertThat(e.ossMessage()).contains("Error status : 403"));
        assertThat(Uploads.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("TOKEN_MISMATCH");
    }

    /**
     * With a stolen form token, the form's own key and user, but a forged size: the token holds, so the route asks OSS
     * (our bucket) for the object, which has another size. A genuine upload through the same form is then accepted.
     */
    @Test
    void stolenFormTokenWithAForgedSizeIsRefusedAndTheGenuineUploadStillWorks() throws Exception {
        String key = "e2e/form-of-victim-2.txt";
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKey(key).validity(FORM_VALIDITY)
                .callback(uploaded.fill(Map.of("user", "victim"))));
        // the object is there (as it is once the browser's upload is stored), with 7 bytes
        client.putObject(key, "posted!".getBytes(StandardCharsets.UTF_8), UploadOptions.defaults());
        long headsBefore = TestEmulator.requestCount("HeadObject");

        assertThatThrownBy(() -> attacker.putObject("their-own.txt", new byte[] { 1 },
                literalCallback(callbackUrlOf(form), "photos", key, "104857600", "victim")))
                .isInstanceOfSatisfying(OssCallbackFailedException.class,
                        e -> assertThat(e.ossMessage()).contains("Error status : 403"));
        assertThat(Uploads.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("NOT_CONFIRMED");
        assertThat(TestEmulator.requestCount("HeadObject") - headsBefore).isEqualTo(1);

        postForm(form, Map.of(), "posted!").then().statusCode(200).body(containsString("\"user\":\"victim\""));
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("victim", "PostObject", key, 7));
    }

    @Test
    void formCallbackBeforeTheObjectExistsIsRefused() throws Exception {
        String key = "e2e/never-uploaded.txt";
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKey(key).validity(FORM_VALIDITY)
                .callback(uploaded.fill(Map.of("user", "victim"))));

        assertThatThrownBy(() -> attacker.putObject("their-own.txt", new byte[] { 1 },
                literalCallback(callbackUrlOf(form), "photos", key, "7", "victim")))
                .isInstanceOf(OssCallbackFailedException.class);
        assertThat(Uploads.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("NOT_CONFIRMED");
    }

    @Test
    void serverSidePutIsNotConfirmedUnlessTheMethodAsks() {
        long before = TestEmulator.requestCount("HeadObject");
        client.putObject("e2e/own.txt", new byte[] { 1, 2 },
                UploadOptions.defaults().callback(uploaded.fill(Map.of("user", "alice"))));
        assertThat(TestEmulator.requestCount("HeadObject")).isEqualTo(before);

        client.putObject("e2e/own-confirmed.txt", new byte[] { 1, 2, 3 },
                UploadOptions.defaults().callback(confirmed.fill()));
        assertThat(TestEmulator.requestCount("HeadObject")).isEqualTo(before + 1);
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("alice", "PutObject", "e2e/own.txt", 2),
                new Saved("-", "PutObject", "e2e/own-confirmed.txt", 3));
    }

    /** Uploads with the template's callback, its query replaced: OSS reports 203 because the route answered 403. */
    private void assertRefusedWithQuery(String query, String code) {
        OssCallbackSpec valid = uploaded.fill(Map.of("user", "alice"));
        String url = valid.urls().get(0);
        OssCallbackSpec spec = OssCallbackSpec.builder().url(query == null ? url : url + "?" + query)
                .body(valid.body()).bodyType(valid.bodyType()).vars(valid.vars()).build();

        assertThatThrownBy(() -> client.putObject("e2e/refused.txt", new byte[] { 1 },
                UploadOptions.defaults().callback(spec)))
                .isInstanceOfSatisfying(OssCallbackFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(203);
                    assertThat(e.objectStored()).isTrue();
                    assertThat(e.ossMessage()).contains("Error status : 403");
                });
        assertThat(Uploads.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly(code);
    }

    private static String token(String key, Map<String, String> vars, Instant expiry, String secret) {
        return new CallbackToken(secret.getBytes(StandardCharsets.UTF_8), new SecureRandom())
                .issue(new CallbackToken.Binding("uploaded", TestEmulator.BUCKET, key, false, false, vars),
                        expiry.getEpochSecond());
    }

    /** A callback with a literal body, as an attacker writes it: no placeholders, every value chosen. */
    private static UploadOptions literalCallback(String url, String bucket, String object, String size, String user) {
        String body = "bucket=" + bucket + "&object=" + encode(object) + "&etag=0&size=" + size
                + "&mimeType=text%2Fplain&imageInfo.height=&imageInfo.width=&imageInfo.format=&crc64=1"
                + "&contentMd5=&vpcId=&clientIp=&reqId=&operation=PostObject&x%3Auser=" + encode(user);
        String json = "{\"callbackUrl\":\"" + url + "\",\"callbackBody\":\"" + body
                + "\",\"callbackBodyType\":\"application/x-www-form-urlencoded\"}";
        return UploadOptions.defaults().callback(Base64.getEncoder().encodeToString(
                json.getBytes(StandardCharsets.UTF_8)), null);
    }

    /** The callback URL (with its token) inside a form's Base64 callback field, as anyone holding the form sees it. */
    private static String callbackUrlOf(PostObjectForm form) throws Exception {
        byte[] json = Base64.getDecoder().decode(form.fields().get("callback"));
        return new ObjectMapper().readTree(json).get("callbackUrl").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> upload(PresignedRequest presigned, byte[] content) throws Exception {
        // whoever holds the URL uploads with a plain HTTP client, sending the signed headers unchanged
        HttpRequest.Builder request = HttpRequest.newBuilder(presigned.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        presigned.signedHeaders().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs the form as a browser would: the fields in order (with the page's extra fields), the file last. */
    private static Response postForm(PostObjectForm form, Map<String, String> extraFields, String file) {
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.putAll(extraFields);
        RequestSpecification request = RestAssured.given();
        fields.forEach(request::multiPart);
        return request.multiPart("file", "upload.txt", file.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(URI.create(form.url()));
    }
}
