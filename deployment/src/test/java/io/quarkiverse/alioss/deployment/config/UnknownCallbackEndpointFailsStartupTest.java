package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Configuration for a callback name that no {@code @OssCallback} method has (a typo, or a renamed method) would leave
 * the annotation's values in place unnoticed: the start fails naming the key and the names there are.
 */
class UnknownCallbackEndpointFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .withApplicationRoot(jar -> jar.addClasses(OneCallbackApp.Avatars.class))
            .overrideConfigKey("quarkus.oss.callback.endpoint.avatars.host", "callbacks.example.com")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.callback.endpoint.\"avatars\".*: names no @OssCallback method; the callback names"
                            + " are [avatar]"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
