package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.crc.Crc64;

/**
 * The seed document's two scenarios (PHP SDK V1 upload-callback guide), in Java, against the emulator, which really
 * calls back: a simple upload with a form-encoded callback (the eight system variables and two custom ones), and a
 * multipart upload of a local file in 10 MB parts completed with a JSON callback.
 */
class SeedScenariosTest {

    private static final String BUCKET = "examplebucket";

    private static EmulatorClients env;
    private static TestReceiver receiver;
    private static OssClient client;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        env = new EmulatorClients(BUCKET, null);
        receiver = env.receiver;
        client = env.client;
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    @Test
    void simpleUploadWithFormCallbackCarryingEightSystemAndTwoCustomVariables() throws Exception {
        receiver.answer(200, "{\"Status\":\"OK\",\"scenario\":\"simple\"}");
        byte[] content = "<?php echo 'uploaded by the seed scenario'; ?>\n".getBytes(StandardCharsets.UTF_8);
        OssCallbackSpec callback = OssCallbackSpec.builder().url(receiver.url("/oss/simple"))
                .body("bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
                        + "&imageInfo.height=${imageInfo.height}&imageInfo.width=${imageInfo.width}"
                        + "&imageInfo.format=${imageInfo.format}&my_var1=${x:var1}&my_var2=${x:var2}")
                .bodyType(CallbackBodyType.FORM).var("x:var1", "value1").var("x:var2", "value2").build();

        UploadResult result = client.putObject("exampledir/exampleobject.txt", content,
                UploadOptions.defaults().contentType("text/plain").callback(callback));

        TestReceiver.Received received = receiver.next();
        String etag = md5Hex(content);
        assertThat(received.uri()).isEqualTo("/oss/simple");
        assertThat(received.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(received.body()).isEqualTo("bucket=examplebucket&object=exampledir%2Fexampleobject.txt&etag="
                + etag + "&size=" + content.length + "&mimeType=text%2Fplain&imageInfo.height=&imageInfo.width="
                + "&imageInfo.format=&my_var1=value1&my_var2=value2");
        assertThat(result.etag()).isEqualTo(etag);
        assertThat(result.callbackReply()).isPresent();
        assertThat(result.callbackReply().get().as(Map.class)).containsEntry("Status", "OK")
                .containsEntry("scenario", "simple");
        assertThat(client.getObject("exampledir/exampleobject.txt").bytes()).isEqualTo(content);
    }

    @Test
    void multipartUploadOfALocalFileInTenMegabytePartsWithJsonCallback() throws Exception {
        receiver.answer(200, "{\"Status\":\"OK\",\"scenario\":\"multipart\"}");
        long size = 25L * 1024 * 1024 + 12345; // three parts of 10 MB
        Path file = tmp.resolve("examplefile.txt");
        byte[] data = new byte[(int) size];
        new Random(42).nextBytes(data);
        Files.write(file, data);
        OssCallbackSpec callback = OssCallbackSpec.builder().url(receiver.url("/oss/multipart"))
                .body("{\"mimeType\":${mimeType},\"size\":${size},\"x:var1\":${x:var1},\"x:var2\":${x:var2}}")
                .bodyType(CallbackBodyType.JSON).var("x:var1", "value1").var("x:var2", "value2").build();

        UploadResult result = client.upload("exampledir/exampleobject.bin", file, UploadOptions.defaults()
                .partSize(10L * 1024 * 1024).multipartThreshold(10L * 1024 * 1024).contentType("text/plain")
                .callback(callback));

        TestReceiver.Received received = receiver.next();
        assertThat(received.uri()).isEqualTo("/oss/multipart");
        assertThat(received.headers().get("Content-Type")).startsWith("application/json");
        assertThat(received.body()).isEqualTo("{\"mimeType\":\"text/plain\",\"size\":" + size
                + ",\"x:var1\":\"value1\",\"x:var2\":\"value2\"}");
        assertThat(result.partCount()).isEqualTo(3);
        assertThat(result.etag()).endsWith("-3");
        assertThat(result.callbackReply()).hasValueSatisfying(reply -> assertThat(reply.asJson().get("scenario")
                .asText()).isEqualTo("multipart"));
        assertThat(client.headObject("exampledir/exampleobject.bin").contentLength()).isEqualTo(size);
        assertThat(client.listMultipartUploads("exampledir/").uploads()).isEmpty();
    }

    @Test
    void aFailingCallbackIsATypedExceptionAndTheObjectIsStored() throws Exception {
        receiver.answer(500, "{\"error\":\"down\"}");
        byte[] content = "stored anyway".getBytes(StandardCharsets.UTF_8);
        OssCallbackSpec callback = OssCallbackSpec.builder().url(receiver.url("/oss/fail")).body("object=${object}")
                .build();

        assertThatThrownBy(() -> client.putObject("failed-callback.txt", content,
                UploadOptions.defaults().callback(callback))).isInstanceOfSatisfying(OssCallbackFailedException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(203);
                            assertThat(e.code()).isEqualTo("CallbackFailed");
                            assertThat(e.ossMessage()).contains("Error status : 500.");
                            assertThat(e.objectStored()).isTrue();
                            assertThat(e.etag()).hasValue(md5Hex(content));
                            assertThat(e.crc64()).hasValue(Crc64.of(content));
                            assertThat(e.requestId()).isPresent();
                            assertThat(e.ec()).isPresent();
                            assertThat(e.method()).isEqualTo("PUT");
                            assertThat(e.key()).hasValue("failed-callback.txt");
                            assertThat(e.getMessage()).contains("object is stored");
                        });
        assertThat(receiver.next().body()).isEqualTo("object=failed-callback.txt");
        assertThat(client.getObject("failed-callback.txt").bytes()).isEqualTo(content);
    }

    @Test
    void aFailingCallbackOfAMultipartUploadIsTheTypedExceptionAndTheCompletedObjectIsStored() throws Exception {
        receiver.answer(502, "bad gateway");
        byte[] data = new byte[3 * 100 * 1024 + 5];
        new Random(7).nextBytes(data);
        Path file = Files.write(tmp.resolve("failing-multipart.bin"), data);
        OssCallbackSpec callback = OssCallbackSpec.builder().url(receiver.url("/oss/fail-multipart"))
                .body("object=${object}&size=${size}").build();

        assertThatThrownBy(() -> client.upload("failed-callback/multipart.bin", file, UploadOptions.defaults()
                .partSize(100 * 1024).multipartThreshold(100 * 1024).callback(callback)))
                .isInstanceOfSatisfying(OssCallbackFailedException.class, e -> {
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.ossMessage()).contains("Error status : 502.");
                    assertThat(e.etag()).hasValueSatisfying(etag -> assertThat(etag).endsWith("-4"));
                    assertThat(e.crc64()).hasValue(Crc64.of(data));
                });
        assertThat(receiver.next().body()).isEqualTo("object=failed-callback%2Fmultipart.bin&size=" + data.length);
        // the object is complete and readable: the failed callback did not make the client abort the upload
        assertThat(client.getObject("failed-callback/multipart.bin").bytes()).isEqualTo(data);
        assertThat(client.listMultipartUploads("failed-callback/").uploads()).isEmpty();
    }

    static String md5Hex(byte[] content) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
