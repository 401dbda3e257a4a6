package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The callback URL of a resource method is its JAX-RS path: an @OssCallback(path) that says otherwise, or a JAX-RS path
 * with parameters (no fixed URL for the template), fails the build naming the method.
 */
class RestCallbackPathErrorsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .assertException(BuildErrors.mentioning(
                    "$Hooks#elsewhere(String) declares the path \"/somewhere/else\" but RESTEasy Reactive serves it at "
                            + "/hooks/elsewhere",
                    "$Hooks#templated(String, String) has the JAX-RS path /hooks/{tenant}, which is not literal"));

    @Path("/hooks")
    public static class Hooks {
        @POST
        @Path("elsewhere")
        @OssCallback(path = "/somewhere/else", name = "elsewhere")
        public String elsewhere(@SystemVar("bucket") String bucket) {
            return bucket;
        }

        @POST
        @Path("{tenant}")
        @OssCallback(name = "templated")
        public String templated(@RestPath String tenant, @SystemVar("bucket") String bucket) {
            return tenant + bucket;
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
