package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;

/**
 * OSS sends callbacks as POST and accepts exactly one JSON reply: an @OssCallback resource method for another HTTP
 * method, one that produces something else than JSON, or one that streams, fails the build, named.
 */
class RestCallbackNotPostOrJsonTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .assertException(BuildErrors.mentioning(
                    "RestCallbackNotPostOrJsonTest$Hooks#viaGet(String) is a JAX-RS resource method for GET, but OSS sends "
                            + "callbacks as POST",
                    "RestCallbackNotPostOrJsonTest$Hooks#viaPut(String) is a JAX-RS resource method for PUT",
                    "RestCallbackNotPostOrJsonTest$Hooks#text(String) produces text/plain, but OSS accepts only a JSON reply",
                    "RestCallbackNotPostOrJsonTest$Hooks#streamed(String) returns a Multi, but OSS needs exactly one JSON "
                            + "reply"));

    @Path("/hooks")
    public static class Hooks {
        @GET
        @Path("get")
        @OssCallback
        public String viaGet(@SystemVar("bucket") String bucket) {
            return bucket;
        }

        @POST
        @Path("text")
        @Produces(MediaType.TEXT_PLAIN)
        @OssCallback
        public String text(@SystemVar("bucket") String bucket) {
            return bucket;
        }

        @POST
        @Path("streamed")
        @OssCallback
        public Multi<String> streamed(@SystemVar("bucket") String bucket) {
            return Multi.createFrom().item(bucket);
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
