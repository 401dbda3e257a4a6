package io.quarkiverse.alioss.codestart;

import static io.quarkus.devtools.codestarts.quarkus.QuarkusCodestartCatalog.Language.JAVA;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.devtools.testing.codestarts.QuarkusCodestartTest;

/**
 * The starter that project creation tools generate with this extension ('quarkus create app' with quarkus-alioss):
 * what it contains, and that it builds with its own Maven wrapper and its test passes.
 */
class AliossCodestartIT {

    // the tests generate the project into the package the codestart test picks for the user's group
    private static final String PACKAGE_DIR = "ilove/quark/us/";

    @RegisterExtension
    static QuarkusCodestartTest codestartTest = QuarkusCodestartTest.builder()
            .languages(JAVA)
            .setupStandaloneExtensionTest("io.quarkiverse.alioss:quarkus-alioss")
            .build();

    @Test
    void theStarterUploadsWithTheCallbackTemplateOfItsCallbackMethod() throws Throwable {
        codestartTest.assertThatGeneratedFile(JAVA, "src/main/java/" + PACKAGE_DIR + "UploadResource.java").content()
                .contains("package ilove.quark.us;", "@CallbackTemplateName(\"upload\")", "oss.putObject(");
        codestartTest.assertThatGeneratedFile(JAVA, "src/main/java/" + PACKAGE_DIR + "UploadCallbacks.java").content()
                .contains("package ilove.quark.us;", "@OssCallback(path = \"/oss/upload\", name = \"upload\")");
        codestartTest.assertThatGeneratedFile(JAVA, "src/test/java/" + PACKAGE_DIR + "UploadResourceTest.java")
                .content().contains("package ilove.quark.us;", "@QuarkusTest");
    }

    @Test
    void theStarterHasTheRestEndpointAndTestDependencies() throws Throwable {
        codestartTest.assertThatGeneratedFile(JAVA, "pom.xml").content()
                .contains("<artifactId>quarkus-alioss</artifactId>", "<artifactId>quarkus-rest-jackson</artifactId>",
                        "<artifactId>rest-assured</artifactId>");
    }

    @Test
    void devAndTestModeNeedNoOssSettingsAndTheReadmeNamesTheProductionOnes() throws Throwable {
        // an endpoint would turn Dev Services, and so the emulator, off
        codestartTest.assertThatGeneratedFile(JAVA, "src/main/resources/application.properties").content()
                .doesNotContain("quarkus.oss.");
        codestartTest.assertThatGeneratedFile(JAVA, "README.md").content()
                .contains("%prod.quarkus.oss.endpoint=", "%prod.quarkus.oss.credentials.type=",
                        "%prod.quarkus.oss.callback.base-url=", "%prod.quarkus.oss.callback.token.secret=");
    }

    @Test
    void theStarterBuildsAndItsTestPasses() throws Throwable {
        codestartTest.buildAllProjects();
    }
}
