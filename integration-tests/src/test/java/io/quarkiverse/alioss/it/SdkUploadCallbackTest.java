package io.quarkiverse.alioss.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A third-party uploader (the official SDK) against the Dev Services emulator, with no OSS settings in the
 * application: the emulator calls the application's verified callback route and relays the reply; a tampered
 * custom variable is refused by the callback token, so OSS reports the callback as failed.
 */
@QuarkusTest
class SdkUploadCallbackTest {

    @Inject
    @CallbackTemplateName(UploadCallbacks.UPLOAD)
    OssCallbackTemplate template;

    @Inject
    ObjectMapper mapper;

    private OSS sdk;
    private String bucket;

    @BeforeEach
    void connect() {
        Config config = ConfigProvider.getConfig();
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        conf.setSignatureVersion(SignVersion.V4);
        sdk = OSSClientBuilder.create()
                .endpoint(config.getValue("quarkus.oss.endpoint", String.class))
                .credentialsProvider(new DefaultCredentialProvider(
                        config.getValue("quarkus.oss.credentials.access-key-id", String.class),
                        config.getValue("quarkus.oss.credentials.access-key-secret", String.class)))
                .clientConfiguration(conf)
                .region(config.getValue("quarkus.oss.region", String.class))
                .build();
        bucket = config.getValue("quarkus.oss.bucket", String.class);
    }

    @AfterEach
    void disconnect() {
        sdk.shutdown();
    }

    @Test
    void sdkUploadGetsTheCallbackMethodsReply() throws IOException {
        byte[] png = TestImages.png(64, 48);
        // another client than ours: bind the callback (its token) to the upload ourselves
        OssCallbackSpec spec = template.fill(Map.of("source", "sdk")).bind(CallbackTarget.upload(bucket,
                "uploads/sdk.png"));

        PutObjectRequest request = new PutObjectRequest(bucket, "uploads/sdk.png", new ByteArrayInputStream(png));
        request.setCallback(sdkCallback(spec, "sdk"));
        PutObjectResult result = sdk.putObject(request);

        JsonNode reply;
        try (InputStream body = result.getResponse().getContent()) {
            reply = mapper.readTree(body);
        }
        assertThat(reply.get("object").asText()).isEqualTo("uploads/sdk.png");
        assertThat(reply.get("size").asLong()).isEqualTo(png.length);
        assertThat(reply.get("width").asInt()).isEqualTo(64);
        assertThat(reply.get("height").asInt()).isEqualTo(48);
        assertThat(reply.get("source").asText()).isEqualTo("sdk");
    }

    @Test
    void tamperedCustomVariableFailsTheCallback() {
        // the token in the callback URL binds x:source=sdk; the uploader sends something else
        OssCallbackSpec spec = template.fill(Map.of("source", "sdk")).bind(CallbackTarget.upload(bucket,
                "uploads/tampered.txt"));

        PutObjectRequest request = new PutObjectRequest(bucket, "uploads/tampered.txt",
                new ByteArrayInputStream("x".getBytes()));
        request.setCallback(sdkCallback(spec, "admin"));
        OSSException failure = catchThrowableOfType(OSSException.class, () -> sdk.putObject(request));

        assertThat(failure).isNotNull();
        assertThat(failure.getErrorCode()).isEqualTo("CallbackFailed");
    }

    /** The spec as the SDK's own callback model, so the SDK reads the callback reply itself. */
    private static Callback sdkCallback(OssCallbackSpec spec, String sourceValue) {
        Callback callback = new Callback();
        callback.setCallbackUrl(String.join(";", spec.urls()));
        callback.setCallbackBody(spec.body());
        callback.setCalbackBodyType(Callback.CalbackBodyType.URL);
        callback.addCallbackVar("x:source", sourceValue);
        return callback;
    }
}
