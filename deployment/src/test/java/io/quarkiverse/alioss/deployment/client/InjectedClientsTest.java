package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkus.test.QuarkusUnitTest;

/** The default and a named client are injectable, blocking and reactive, each with its own configuration. */
class InjectedClientsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.region", "cn-hangzhou")
            .overrideConfigKey("quarkus.oss.bucket", "examplebucket")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "secret")
            .overrideConfigKey("quarkus.oss.archive.endpoint", "http://127.0.0.1:9")
            .overrideConfigKey("quarkus.oss.archive.bucket", "archive")
            .overrideConfigKey("quarkus.oss.archive.signature-version", "v1")
            .overrideConfigKey("quarkus.oss.archive.credentials.access-key-id", "id2")
            .overrideConfigKey("quarkus.oss.archive.credentials.access-key-secret", "secret2")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false");

    @Inject
    OssClient client;

    @Inject
    ReactiveOssClient reactive;

    @Inject
    @OssClientName("archive")
    OssClient archive;

    @Inject
    @OssClientName("archive")
    ReactiveOssClient reactiveArchive;

    @Test
    void defaultClientUsesTheDefaultConfiguration() {
        assertThat(client.bucket()).isEqualTo("examplebucket");
        assertThat(reactive.bucket()).isEqualTo("examplebucket");
        assertThat(client.reactive()).isSameAs(reactive);
        PresignedRequest url = client.presigner().presignGet("a.txt", Duration.ofMinutes(1));
        assertThat(url.url().toString()).startsWith("https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a.txt?")
                .contains("x-oss-credential=id%2F");
    }

    @Test
    void namedClientUsesItsOwnConfiguration() {
        assertThat(archive.bucket()).isEqualTo("archive");
        assertThat(archive.reactive()).isSameAs(reactiveArchive);
        PresignedRequest url = archive.presigner().presignGet("a.txt", Duration.ofMinutes(1));
        // path-style for an IP endpoint, V1 query signature with the named client's key id
        assertThat(url.url().toString()).startsWith("http://127.0.0.1:9/archive/a.txt?").contains("OSSAccessKeyId=id2");
    }
}
