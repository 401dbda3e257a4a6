package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** A resource-method callback whose REST path is the path of a generated callback route fails the build, named. */
class RestCallbackPathCollisionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class, Routes.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.rest.path", "/api")
            .assertException(BuildErrors.mentioning("uses the path /api/oss/same already used by",
                    "RestCallbackPathCollisionTest$Hooks#resource(String)",
                    "RestCallbackPathCollisionTest$Routes#route(String)"));

    @Path("/oss")
    public static class Hooks {
        @POST
        @Path("same")
        @OssCallback(name = "resource")
        public String resource(@SystemVar("bucket") String bucket) {
            return bucket;
        }
    }

    @ApplicationScoped
    static class Routes {
        @OssCallback(path = "/api/oss/same", name = "route")
        String route(@SystemVar("bucket") String bucket) {
            return bucket;
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
