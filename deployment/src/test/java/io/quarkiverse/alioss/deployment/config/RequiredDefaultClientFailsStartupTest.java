package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.deployment.OssDefaultClientRequiredBuildItem;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.test.QuarkusUnitTest;

/** An application that uses the default client but configures none of its keys must not start. */
class RequiredDefaultClientFailsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(new BuildStep() {
                @Override
                public void execute(BuildContext context) {
                    context.produce(new OssDefaultClientRequiredBuildItem("test"));
                }
            }).produces(OssDefaultClientRequiredBuildItem.class).build())
            .assertException(StartupFailures.configurationFailureNaming("quarkus.oss.endpoint: is not set"));

    @Test
    void startFails() {
        fail("the application must not start");
    }
}
