package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The default client and one named client have endpoints of their own; two named clients have none, one injected
 * without any configuration and one configured without being injected. The emulator starts for those two only:
 * clients with an endpoint are not rewired.
 */
class NamedClientsWiringTest {

    private static final String REAL_ENDPOINT = "https://oss-cn-shanghai.aliyuncs.com";
    private static final String OWN_ENDPOINT = "http://127.0.0.1:9";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", REAL_ENDPOINT)
            .overrideConfigKey("quarkus.oss.region", "cn-shanghai")
            .overrideConfigKey("quarkus.oss.bucket", "real-bucket")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", "real-id")
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "real-secret")
            .overrideConfigKey("quarkus.oss.own.endpoint", OWN_ENDPOINT)
            .overrideConfigKey("quarkus.oss.own.region", "cn-beijing")
            .overrideConfigKey("quarkus.oss.own.bucket", "own-bucket")
            .overrideConfigKey("quarkus.oss.own.credentials.access-key-id", "own-id")
            .overrideConfigKey("quarkus.oss.own.credentials.access-key-secret", "own-secret")
            .overrideConfigKey("quarkus.oss.\"eu.reports\".bucket", "reports")
            .overrideConfigKey("quarkus.oss.\"eu.reports\".region", "eu-central-1");

    @Inject
    @OssClientName("archive")
    OssClient archive;

    @Inject
    @OssClientName("own")
    OssClient own;

    @Test
    void anInjectedClientWithoutConfigurationGetsTheEmulatorAndABucketNamedAfterIt() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.oss.archive.endpoint", String.class)).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(config.getValue("quarkus.oss.archive.credentials.type", String.class)).isEqualTo("static");
        assertThat(archive.bucket()).isEqualTo("archive-bucket");

        archive.putObject("a.txt", "in the emulator".getBytes(StandardCharsets.UTF_8), UploadOptions.defaults());
        assertThat(new String(archive.getObject("a.txt").bytes(), StandardCharsets.UTF_8)).isEqualTo("in the emulator");
    }

    @Test
    void aConfiguredClientWithoutEndpointGetsTheEmulatorAndKeepsItsBucketAndRegion() {
        Config config = ConfigProvider.getConfig();
        String endpoint = config.getValue("quarkus.oss.archive.endpoint", String.class);
        assertThat(config.getValue("quarkus.oss.\"eu.reports\".endpoint", String.class)).isEqualTo(endpoint);
        assertThat(config.getValue("quarkus.oss.\"eu.reports\".bucket", String.class)).isEqualTo("reports");
        // the first region an emulated client sets is the emulator's, so the other one is given it too
        assertThat(config.getValue("quarkus.oss.\"eu.reports\".region", String.class)).isEqualTo("eu-central-1");
        assertThat(config.getValue("quarkus.oss.archive.region", String.class)).isEqualTo("eu-central-1");
    }

    @Test
    void clientsWithTheirOwnEndpointAreLeftAlone() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.oss.endpoint", String.class)).isEqualTo(REAL_ENDPOINT);
        assertThat(config.getValue("quarkus.oss.region", String.class)).isEqualTo("cn-shanghai");
        assertThat(config.getValue("quarkus.oss.credentials.access-key-id", String.class)).isEqualTo("real-id");
        assertThat(config.getOptionalValue("quarkus.oss.credentials.type", String.class)).isEmpty();

        assertThat(config.getValue("quarkus.oss.own.endpoint", String.class)).isEqualTo(OWN_ENDPOINT);
        assertThat(config.getValue("quarkus.oss.own.credentials.access-key-id", String.class)).isEqualTo("own-id");
        assertThat(config.getOptionalValue("quarkus.oss.own.credentials.type", String.class)).isEmpty();
        assertThat(config.getValue("quarkus.oss.own.region", String.class)).isEqualTo("cn-beijing");
        assertThat(own.bucket()).isEqualTo("own-bucket");
    }
}
