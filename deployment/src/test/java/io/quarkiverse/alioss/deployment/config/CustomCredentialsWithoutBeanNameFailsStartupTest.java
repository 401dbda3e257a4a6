package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The custom credentials type needs the name of the bean to ask. */
class CustomCredentialsWithoutBeanNameFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.applicationWithValidDefaultClient()
            .overrideConfigKey("quarkus.oss.credentials.type", "custom")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.credentials.custom-bean: is required when the credentials type is 'custom'"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
