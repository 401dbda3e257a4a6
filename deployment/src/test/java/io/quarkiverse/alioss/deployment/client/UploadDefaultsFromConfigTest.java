package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The injected client's {@code upload} uses the part size and threshold of {@code quarkus.oss.upload.*} when the call
 * sets none, and the call's own options when it does (against the Dev Services emulator).
 */
class UploadDefaultsFromConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.upload.part-size", "200K")
            .overrideConfigKey("quarkus.oss.upload.multipart-threshold", "300K")
            .overrideConfigKey("quarkus.oss.upload.parallelism", "2");

    @Inject
    OssClient client;

    @Test
    void configuredPartSizeAndThresholdApplyWhenTheCallSetsNone() throws Exception {
        // QuarkusUnitTest does not fill @TempDir fields
        Path dir = Files.createTempDirectory("upload-defaults");
        Path file = dir.resolve("700k.bin");
        byte[] content = new byte[700 * 1024];
        new Random(7).nextBytes(content);
        Files.write(file, content);

        UploadResult configured = client.upload("defaults/configured.bin", file, UploadOptions.defaults());
        assertThat(configured.partCount()).as("200K parts of 700K").isEqualTo(4);
        assertThat(client.getObject("defaults/configured.bin").bytes()).isEqualTo(content);

        UploadResult perCall = client.upload("defaults/per-call.bin", file, UploadOptions.defaults()
                .partSize(350 * 1024));
        assertThat(perCall.partCount()).isEqualTo(2);

        Path small = dir.resolve("250k.bin");
        Files.write(small, new byte[250 * 1024]);
        assertThat(client.upload("defaults/small.bin", small, UploadOptions.defaults()).multipart())
                .as("below the configured threshold: one PutObject").isFalse();
    }
}
