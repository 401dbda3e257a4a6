package io.quarkiverse.alioss.it.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.MultipartUpload;
import io.quarkiverse.alioss.model.PartETag;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.restassured.specification.RequestSpecification;

/**
 * What the extension and its emulator assume about OSS, written once and run twice: against the emulator in every
 * build ({@link LiveSuiteOnEmulatorTest}) and against real OSS when its environment is given
 * ({@link LiveSuiteOnRealOssTest}). An assertion that passes on the emulator and fails on OSS is an emulator bug to
 * fix. The first two are the seed's scenarios (a simple and a multipart upload with a callback); then each other
 * upload path; then the protocol's open questions, each answered by the value the emulator gives today.
 */
abstract class LiveProtocolAssertions {

    /** Non-final parts must be at least 100 KB on OSS. */
    private static final int FIRST_PART_SIZE = 100 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OssClient oss;

    @Inject
    @CallbackTemplateName(LiveProbes.ECHO)
    OssCallbackTemplate echo;

    @ConfigProperty(name = "quarkus.oss.callback.base-url")
    List<String> baseUrls;

    @Test
    void simpleUploadRepliesThroughOss() {
        String key = key("simple.txt");
        byte[] content = "a simple upload\n".getBytes(StandardCharsets.UTF_8);

        UploadResult result = oss.putObject(key, content, UploadOptions.defaults().callback(echo("simple")));

        JsonNode reply = reply(result);
        assertThat(reply.path("object").asText()).isEqualTo(key);
        assertThat(reply.path("size").asLong()).isEqualTo(content.length);
        assertThat(reply.path("operation").asText()).isEqualTo("PutObject");
        assertThat(reply.path("probe").asText()).isEqualTo("simple");
    }

    /** Open question: the operation OSS names for a multipart completion, and its empty contentMd5. */
    @Test
    void multipartUploadRepliesThroughOssWithItsOperation() {
        String key = key("multipart.bin");
        byte[] first = new byte[FIRST_PART_SIZE];
        Arrays.fill(first, (byte) 'a');
        byte[] second = "the last part".getBytes(StandardCharsets.UTF_8);

        MultipartUpload upload = oss.initiateMultipartUpload(key, UploadOptions.defaults());
        List<PartETag> parts = new ArrayList<>();
        parts.add(oss.uploadPart(key, upload.uploadId(), 1, first));
        parts.add(oss.uploadPart(key, upload.uploadId(), 2, second));
        UploadResult result = oss.completeMultipartUpload(key, upload.uploadId(), parts,
                UploadOptions.defaults().callback(echo("multipart")));

        JsonNode reply = reply(result);
        assertThat(reply.path("object").asText()).isEqualTo(key);
        assertThat(reply.path("size").asLong()).isEqualTo(first.length + second.length);
        assertThat(reply.path("operation").asText()).isEqualTo("CompleteMultipartUpload");
        assertThat(reply.path("contentMd5").asText()).isEmpty();
        assertThat(reply.path("probe").asText()).isEqualTo("multipart");
    }

    @Test
    void presignedPutRepliesThroughOss() throws Exception {
        String key = key("presigned.txt");
        PresignedRequest presigned = oss.presigner()
                .presignPut(PresignPutRequest.forKey(key).callback(echo("presigned")));
        byte[] content = "uploaded by someone else\n".getBytes(StandardCharsets.UTF_8);

        HttpRequest.Builder put = HttpRequest.newBuilder(presigned.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        presigned.signedHeaders().forEach(put::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(put.build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("object").asText()).isEqualTo(key);
        assertThat(reply.path("operation").asText()).isEqualTo("PutObject");
        assertThat(reply.path("probe").asText()).isEqualTo("presigned");
    }

    @Test
    void postObjectFormRepliesThroughOss() throws Exception {
        String key = key("form.txt");
        PostObjectForm form = oss.presigner().postObjectForm(PostObjectRequest.forKey(key).callback(echo("form")));
        RequestSpecification post = given();
        form.fields().forEach(post::multiPart);
        // OSS reads the fields before the file, so the file goes last
        String body = post.multiPart("file", "form.txt", "from a form\n".getBytes(StandardCharsets.UTF_8),
                "text/plain").when().post(form.url()).then().statusCode(200).extract().asString();

        JsonNode reply = JSON.readTree(body);
        assertThat(reply.path("object").asText()).isEqualTo(key);
        assertThat(reply.path("operation").asText()).isEqualTo("PostObject");
        assertThat(reply.path("probe").asText()).isEqualTo("form");
    }

    /**
     * Open question: how OSS escapes values in a form-encoded callback body. Established: {@code /} is {@code %2F}.
     * The emulator's answer for the rest: space {@code %20}, {@code +} {@code %2B}, {@code *} {@code %2A}, {@code ~}
     * literal, non-ASCII as UTF-8 {@code %XX}, uppercase hex.
     */
    @Test
    void formBodyEscapesValuesAsTheEmulatorDoes() {
        String key = key("encoding.txt");
        OssCallbackSpec raw = OssCallbackSpec.builder().url(baseUrls.get(0) + LiveProbes.RAW_PATH)
                .body("object=${object}&probe=${x:probe}")
                .var("probe", "a+b c*d~é/ü")
                .build();

        UploadResult result = oss.putObject(key, "encoding".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().callback(raw));

        assertThat(reply(result).path("raw").asText()).isEqualTo("object=" + key.replace("/", "%2F")
                + "&probe=a%2Bb%20c%2Ad~%C3%A9%2F%C3%BC");
    }

    /** Open question: the largest reply OSS relays (1 MB in the newer documentation, 3 MB in the older). */
    @Test
    void replyUpToOneMegabyteIsRelayed() {
        UploadResult result = oss.putObject(key("reply-1mb.txt"), new byte[] { 1 },
                UploadOptions.defaults().callback(echo("large", 1_000_000)));

        assertThat(reply(result).path("padding").asText()).hasSize(1_000_000);
    }

    @Test
    void replyOverOneMegabyteFailsTheCallback() {
        OssCallbackFailedException failure = catchThrowableOfType(OssCallbackFailedException.class,
                () -> oss.putObject(key("reply-over-1mb.txt"), new byte[] { 1 },
                        UploadOptions.defaults().callback(echo("too large", 1_100_000))));

        assertThat(failure).as("OSS reports 203 CallbackFailed for a reply over 1 MB").isNotNull();
        assertThat(failure.etag()).as("the object is stored all the same").isPresent();
    }

    private OssCallbackSpec echo(String probe) {
        return echo.fill(Map.of("probe", probe, "pad", ""));
    }

    private OssCallbackSpec echo(String probe, int padding) {
        return echo.fill(Map.of("probe", probe, "pad", String.valueOf(padding)));
    }

    private static JsonNode reply(UploadResult result) {
        return result.callbackReply().orElseThrow(() -> new AssertionError("OSS relayed no callback reply"))
                .asJson();
    }

    /** A key of its own per run, so runs against a shared bucket never meet. */
    private static String key(String name) {
        return "live-suite/" + UUID.randomUUID() + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

}
