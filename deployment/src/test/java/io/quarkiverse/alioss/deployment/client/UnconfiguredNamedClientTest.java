package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkus.test.QuarkusUnitTest;

/** Injecting a named client that has no configuration fails on use with a message naming the missing key. */
class UnconfiguredNamedClientTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UsesMissingClient.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false");

    @Inject
    UsesMissingClient user;

    @Test
    void namesTheKeyToSet() {
        assertThatThrownBy(() -> user.bucket())
                .hasStackTraceContaining("the OSS client 'missing': it is injected but not configured")
                .hasStackTraceContaining("set quarkus.oss.missing.endpoint");
    }

    @ApplicationScoped
    static class UsesMissingClient {

        @Inject
        @OssClientName("missing")
        OssClient client;

        String bucket() {
            return client.bucket();
        }
    }
}
