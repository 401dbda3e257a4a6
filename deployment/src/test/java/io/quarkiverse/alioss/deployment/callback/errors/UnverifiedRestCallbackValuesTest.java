package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An {@code @OssCallback} resource method that reads {@code x:} form fields or OSS's {@code x-oss-*} headers past the
 * callback binding fails the build: the token does not check a form parameter, and OSS signs none of its headers.
 */
class UnverifiedRestCallbackValuesTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .assertException(BuildErrors.mentioning(
                    "$Hooks#restForm(String, String) parameter 1 (java.lang.String) reads the form field \"x:user\""
                            + " directly, which the callback token does not check: bind it with @CallbackVar(\"user\")",
                    "$Hooks#formParam(String, String) parameter 1 (java.lang.String) reads the form field \"x:user\"",
                    "$Hooks#restHeader(String, String) parameter 1 (java.lang.String) reads the header"
                            + " \"x-oss-bucket\", which OSS does not sign",
                    "$Hooks#headerParam(String, String) parameter 1 (java.lang.String) reads the header"
                            + " \"X-OSS-Requester\""));

    @Path("/hooks")
    public static class Hooks {
        @POST
        @Path("rest-form")
        @OssCallback
        public String restForm(@SystemVar("bucket") String bucket, @RestForm("x:user") String user) {
            return user;
        }

        @POST
        @Path("form-param")
        @OssCallback
        public String formParam(@SystemVar("bucket") String bucket, @FormParam("x:user") String user) {
            return user;
        }

        @POST
        @Path("rest-header")
        @OssCallback
        public String restHeader(@SystemVar("object") String object, @RestHeader("x-oss-bucket") String bucket) {
            return bucket;
        }

        @POST
        @Path("header-param")
        @OssCallback
        public String headerParam(@SystemVar("object") String object, @HeaderParam("X-OSS-Requester") String who) {
            return who;
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
