package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class MissingCustomCredentialsBeanFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.region", "cn-hangzhou")
            .overrideConfigKey("quarkus.oss.credentials.type", "custom")
            .overrideConfigKey("quarkus.oss.credentials.custom-bean", "noSuchBean")
            .assertException(StartupFailures.configurationFailureNaming(
                    "quarkus.oss.credentials.custom-bean: no CDI bean named 'noSuchBean'"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
