package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.MultipartUpload;
import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.PartETag;
import io.quarkiverse.alioss.PostObjectForm;
import io.quarkiverse.alioss.PostObjectRequest;
import io.quarkiverse.alioss.PresignedRequest;
import io.quarkiverse.alioss.UploadOptions;
import io.quarkiverse.alioss.UploadResult;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.runtime.callback.CallbackToken;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * End to end against the OSS emulator: put, multipart complete, presigned PUT and a browser's PostObject, each carrying
 * an injected template's callback, reach the method with the right values, and the uploader receives the method's
 * reply. The callback token refuses an {@code x:} value other than the one it was issued for (a PostObject form whose
 * policy does not pin it), an expired token and a missing one.
 */
class EmulatorUploadCallbacksTest {

    static final String SECRET = "emulator-upload-callbacks-test-secret-0123456789";

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Uploads.class, Saved.class, TestEmulator.class)),
            SECRET);

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
    }

    @Inject
    OssClient client;

    @Inject
    @CallbackTemplateName("uploaded")
    OssCallbackTemplate uploaded;

    @BeforeEach
    void reset() {
        Uploads.RECEIVED.clear();
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
        PresignedRequest presigned = client.presignPut("e2e/presigned.txt", Duration.ofMinutes(5), "text/plain",
                uploaded.fill(Map.of("user", "carol")));

        // whoever holds the URL uploads with a plain HTTP client, sending the signed headers unchanged
        HttpRequest.Builder request = HttpRequest.newBuilder(presigned.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        presigned.signedHeaders().forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"user\":\"carol\",\"operation\":\"PutObject\",\"object\":\"e2e/presigned.txt\",\"size\":9}");
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("carol", "PutObject", "e2e/presigned.txt", 9));
    }

    @Test
    void browserPostObjectReachesTheMethodAndTheBrowserGetsItsReply() {
        PostObjectForm form = client.postObjectForm(PostObjectRequest.forKey("e2e/post.txt")
                .callback(uploaded.fill(Map.of("user", "dave"))));
        assertThat(form.fields()).containsEntry("x:user", "dave");

        postForm(form, Map.of(), "posted!").then().statusCode(200)
                .body(equalTo(
                        "{\"user\":\"dave\",\"operation\":\"PostObject\",\"object\":\"e2e/post.txt\",\"size\":7}"));
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("dave", "PostObject", "e2e/post.txt", 7));
    }

    @Test
    void editedXValueInAPinnedFormIsRefusedByTheEmulatorPolicy() {
        PostObjectForm form = client.postObjectForm(PostObjectRequest.forKey("e2e/pinned.txt")
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
        OssCallbackSpec forAlice = uploaded.fill(Map.of("user", "alice"));
        OssCallbackSpec unpinned = OssCallbackSpec.builder().urls(forAlice.urls()).body(forAlice.body())
                .bodyType(forAlice.bodyType()).build();
        PostObjectForm form = client.postObjectForm(PostObjectRequest.forKey("e2e/unpinned.txt").callback(unpinned));
        assertThat(form.fields()).doesNotContainKey("x:user");

        postForm(form, Map.of("x:user", "mallory"), "posted!").then().statusCode(203)
                .body(containsString("Error status : 403"));
        assertThat(Uploads.RECEIVED).isEmpty();

        postForm(form, Map.of("x:user", "alice"), "posted!").then().statusCode(200)
                .body(containsString("\"user\":\"alice\""));
        assertThat(Uploads.RECEIVED).containsExactly(new Saved("alice", "PostObject", "e2e/unpinned.txt", 7));
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = new CallbackToken(SECRET.getBytes(StandardCharsets.UTF_8)).issue("uploaded",
                Instant.now().minusSeconds(60).getEpochSecond(), Map.of("x:user", "alice"));
        assertRefusedWithQuery(CallbackToken.QUERY_PARAMETER + "=" + expired);
    }

    @Test
    void missingTokenIsRefused() {
        assertRefusedWithQuery(null);
    }

    @Test
    void tokenFromAnotherSecretIsRefused() {
        String forged = new CallbackToken("another-secret-of-at-least-32-bytes-long!".getBytes(StandardCharsets.UTF_8))
                .issue("uploaded", Instant.now().plusSeconds(600).getEpochSecond(), Map.of("x:user", "alice"));
        assertRefusedWithQuery(CallbackToken.QUERY_PARAMETER + "=" + forged);
    }

    /** Uploads with the template's callback, its query replaced: OSS reports 203 because the route answered 403. */
    private void assertRefusedWithQuery(String query) {
        OssCallbackSpec valid = uploaded.fill(Map.of("user", "alice"));
        String url = valid.urls().get(0);
        String path = url.substring(0, url.indexOf('?'));
        OssCallbackSpec spec = OssCallbackSpec.builder().url(query == null ? path : path + "?" + query)
                .body(valid.body()).bodyType(valid.bodyType()).vars(valid.vars()).build();

        assertThatThrownBy(() -> client.putObject("e2e/refused.txt", new byte[] { 1 },
                UploadOptions.defaults().callback(spec)))
                .isInstanceOfSatisfying(OssCallbackFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(203);
                    assertThat(e.objectStored()).isTrue();
                    assertThat(e.ossMessage()).contains("Error status : 403");
                });
        assertThat(Uploads.RECEIVED).isEmpty();
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
