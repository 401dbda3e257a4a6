package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The injected clients against a real (emulated) OSS: configured from quarkus.oss.*, signing V4 with the configured
 * credentials, and mapping a callback reply with the application's customised ObjectMapper.
 */
class InjectedClientAgainstEmulatorTest {

    // QuarkusUnitTest loads this class twice (JUnit's and Quarkus' class loader): each copy closes its own emulator
    static final OssEmulator EMULATOR = OssEmulator.start(OssEmulatorOptions.builder().bucket("app")
            .bucket("second").build());

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(CallbackEndpoint.class, SnakeCase.class, Saved.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", EMULATOR.baseUrl())
            .overrideConfigKey("quarkus.oss.region", EMULATOR.region())
            .overrideConfigKey("quarkus.oss.bucket", "app")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", EMULATOR.accessKeyId())
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", EMULATOR.accessKeySecret())
            .overrideConfigKey("quarkus.oss.second.endpoint", EMULATOR.baseUrl())
            .overrideConfigKey("quarkus.oss.second.region", EMULATOR.region())
            .overrideConfigKey("quarkus.oss.second.bucket", "second")
            .overrideConfigKey("quarkus.oss.second.signature-version", "v1")
            .overrideConfigKey("quarkus.oss.second.credentials.access-key-id", EMULATOR.accessKeyId())
            .overrideConfigKey("quarkus.oss.second.credentials.access-key-secret", EMULATOR.accessKeySecret())
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false");

    @Inject
    OssClient oss;

    @Inject
    @OssClientName("second")
    ReactiveOssClient second;

    @TestHTTPResource("/test-callback")
    URL callbackUrl;

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void uploadsWithCallbackAndMapsTheReplyWithTheApplicationsObjectMapper() {
        OssCallbackSpec callback = OssCallbackSpec.builder().url(callbackUrl.toString())
                .body("object=${object}&size=${size}").build();

        UploadResult result = oss.putObject("docs/a.txt", "hello".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().callback(callback));

        Saved saved = result.callbackReply().orElseThrow().as(Saved.class);
        assertThat(saved.fileName()).isEqualTo("object=docs%2Fa.txt&size=5");
        assertThat(oss.getObject("docs/a.txt").bytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
    }

    @Test
    void namedReactiveClientWritesToItsOwnBucketSigningV1() {
        assertThat(second.bucket()).isEqualTo("second");
        second.putObject("b.txt", "second".getBytes(StandardCharsets.UTF_8), UploadOptions.defaults()).await()
                .indefinitely();
        assertThat(second.getObject("b.txt").await().indefinitely().bytes()).asString(StandardCharsets.UTF_8)
                .isEqualTo("second");
        assertThatThrownBy(() -> oss.headObject("b.txt")).isInstanceOfSatisfying(OssException.class,
                e -> assertThat(e.status()).isEqualTo(404)); // the default client's bucket does not have it
    }

    /** Reply field names are snake_case: only the customised application ObjectMapper maps them. */
    public record Saved(String fileName) {
    }

    @Singleton
    public static class SnakeCase implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
    }

    @Singleton
    public static class CallbackEndpoint {
        void routes(@Observes Router router) {
            router.post("/test-callback").handler(BodyHandler.create()).handler(ctx -> {
                String reply = "{\"file_name\":\"" + ctx.body().asString() + "\"}";
                ctx.response().putHeader("Content-Type", "application/json").end(reply);
            });
        }
    }
}
