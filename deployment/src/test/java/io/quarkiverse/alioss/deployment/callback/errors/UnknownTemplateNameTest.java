package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** Injecting the template of a callback that does not exist fails the build, naming the injection point. */
class UnknownTemplateNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Avatars.class, Uploader.class))
            .assertException(BuildErrors.mentioning(
                    "Unsatisfied dependency",
                    "@CallbackTemplateName(\"avatr\")",
                    "UnknownTemplateNameTest$Uploader#template"));

    @ApplicationScoped
    static class Avatars {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        void uploaded(@SystemVar("object") String object) {
        }
    }

    @ApplicationScoped
    static class Uploader {
        @Inject
        @CallbackTemplateName("avatr")
        OssCallbackTemplate template;
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
