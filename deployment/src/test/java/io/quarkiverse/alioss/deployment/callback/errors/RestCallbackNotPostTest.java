package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/** OSS sends callbacks as POST: an @OssCallback resource method for another HTTP method fails the build, named. */
class RestCallbackNotPostTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .assertException(BuildErrors.mentioning(
                    "RestCallbackNotPostTest$Hooks#viaGet(String) is a JAX-RS resource method for GET, but OSS sends "
                            + "callbacks as POST",
                    "RestCallbackNotPostTest$Hooks#viaPut(String) is a JAX-RS resource method for PUT"));

    @Path("/hooks")
    public static class Hooks {
        @GET
        @Path("get")
        @OssCallback
        public String viaGet(@SystemVar("bucket") String bucket) {
            return bucket;
        }

        @PUT
        @Path("put")
        @OssCallback
        public String viaPut(@SystemVar("bucket") String bucket) {
            return bucket;
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
