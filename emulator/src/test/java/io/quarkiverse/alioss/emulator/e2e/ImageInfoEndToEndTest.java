package io.quarkiverse.alioss.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;

import io.quarkiverse.alioss.emulator.image.SampleImages;

/** The image variables a callback receives after a real upload of each supported format, and of a text file. */
class ImageInfoEndToEndTest {

    private static final String BUCKET = "image-bucket";

    @RegisterExtension
    static final CallbackRig RIG = new CallbackRig(BUCKET);

    /** file name, content type, bytes, the form body the receiver must see. */
    static Stream<Arguments> files() throws Exception {
        return Stream.of(
                Arguments.of("pic.png", "image/png", SampleImages.encode("png", 200, 278, BufferedImage.TYPE_INT_RGB),
                        "w=200&h=278&f=png"),
                Arguments.of("pic.jpg", "image/jpeg", SampleImages.encode("jpg", 810, 539, BufferedImage.TYPE_INT_RGB),
                        "w=810&h=539&f=jpg"),
                Arguments.of("pic.gif", "image/gif",
                        SampleImages.encode("gif", 64, 48, BufferedImage.TYPE_BYTE_INDEXED), "w=64&h=48&f=gif"),
                Arguments.of("pic.webp", "image/webp", SampleImages.losslessWebp(1000, 3), "w=1000&h=3&f=webp"),
                Arguments.of("notes.txt", "text/plain", "width=1 height=2".getBytes(StandardCharsets.UTF_8),
                        "w=&h=&f="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void callbackBodyCarriesTheUploadedImagesSize(String name, String contentType, byte[] content,
            String expectedBody) throws Exception {
        put(name, contentType, content, "w=${imageInfo.width}&h=${imageInfo.height}&f=${imageInfo.format}",
                Callback.CalbackBodyType.URL);
        CallbackReceiver.Received received = RIG.receiver().next();
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
        assertThat(received.body().toString()).isEqualTo(expectedBody);
    }

    @Test
    void jsonBodyHasNumbersForAnImageAndNullForText() throws Exception {
        // the SDK pastes the body into its JSON unescaped, so the quotes come escaped
        String body = "{\\\"w\\\":${imageInfo.width},\\\"h\\\":${imageInfo.height},\\\"f\\\":${imageInfo.format}}";
        put("json.gif", "image/gif", SampleImages.encode("gif", 7, 9, BufferedImage.TYPE_BYTE_INDEXED), body,
                Callback.CalbackBodyType.JSON);
        assertThat(RIG.receiver().next().body().toString()).isEqualTo("{\"w\":7,\"h\":9,\"f\":\"gif\"}");
        put("json.txt", "text/plain", "plain".getBytes(StandardCharsets.UTF_8), body, Callback.CalbackBodyType.JSON);
        assertThat(RIG.receiver().next().body().toString()).isEqualTo("{\"w\":null,\"h\":null,\"f\":null}");
    }

    private static void put(String key, String contentType, byte[] content, String body,
            Callback.CalbackBodyType type) {
        Callback callback = new Callback();
        callback.setCallbackUrl(RIG.receiver().url("/oss/image"));
        callback.setCallbackBody(body);
        callback.setCalbackBodyType(type);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType(contentType);
        PutObjectRequest request = new PutObjectRequest(BUCKET, key, new ByteArrayInputStream(content), meta);
        request.setCallback(callback);
        RIG.oss().putObject(request);
    }
}
