package io.quarkiverse.alioss.deployment.config;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusProdModeTest;

/** A packaged application with one {@code @OssCallback} method, for the checks a production start makes. */
final class OneCallbackApp {

    private OneCallbackApp() {
    }

    /** The application, named {@code name}, on a free port; each test adds its configuration. */
    static QuarkusProdModeTest named(String name) {
        return new QuarkusProdModeTest()
                .withApplicationRoot(jar -> jar.addClasses(Avatars.class))
                .setApplicationName(name)
                .setApplicationVersion("0.1")
                .overrideConfigKey("quarkus.http.port", "0");
    }

    @ApplicationScoped
    public static class Avatars {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        public String uploaded(@SystemVar("object") String object) {
            return object;
        }
    }
}
