package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Callback bindings RESTEasy Reactive cannot satisfy fail the build, naming method and parameter: bindings on a resource
 * method that is not an @OssCallback (nothing verifies its body), a parameter bound both by the callback and by JAX-RS,
 * an unsupported value type, a resource callback that binds no callback variable at all, and values read past the
 * binding that nothing checks: an {@code x:} form field (the token checks only what the callback binds) and an
 * {@code x-oss-} header (OSS signs none of its headers).
 */
class RestCallbackBindingErrorsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .assertException(BuildErrors.mentioning(
                    "Resource method io.quarkiverse.alioss.deployment.callback.errors.RestCallbackBindingErrorsTest$Hooks"
                            + "#unverified(String) parameter 0 (java.lang.String) uses @CallbackVar, which only an "
                            + "@OssCallback method can bind",
                    "$Hooks#unverifiedUpload(OssUpload) parameter 0 (io.quarkiverse.alioss.callback.OssUpload) uses "
                            + "OssUpload",
                    "$Hooks#twice(String) parameter 0 (java.lang.String) is bound both by @SystemVar and by "
                            + "@QueryParam",
                    "$Hooks#twiceForm(String) parameter 0 (java.lang.String) is bound both by @CallbackVar and by "
                            + "@RestForm",
                    "$Hooks#unsupported(StringBuilder) parameter 0 (java.lang.StringBuilder) has an unsupported type",
                    "$Hooks#nothingBound(String) binds no variable",
                    "$Hooks#formVariable(String, String) parameter 1 (java.lang.String) reads the form field \"x:user\""
                            + " directly, which the callback token does not check: bind it with @CallbackVar(\"user\")"
                            + " instead",
                    "$Hooks#ossHeader(String, String) parameter 1 (java.lang.String) reads the header"
                            + " \"x-oss-request-id\", which OSS does not sign",
                    "$Hooks#ossHeaderByName(String, String) parameter 1 (java.lang.String) reads the header"
                            + " \"x-oss-bucket\", which OSS does not sign"));

    @Path("/hooks")
    public static class Hooks {
        @POST
        @Path("unverified")
        public String unverified(@CallbackVar("user") String user) {
            return user;
        }

        @POST
        @Path("unverified-upload")
        public String unverifiedUpload(OssUpload upload) {
            return upload.object();
        }

        @POST
        @Path("twice")
        @OssCallback
        public String twice(@SystemVar("bucket") @QueryParam("bucket") String bucket) {
            return bucket;
        }

        @POST
        @Path("twice-form")
        @OssCallback
        public String twiceForm(@CallbackVar("user") @RestForm("x:user") String user) {
            return user;
        }

        @POST
        @Path("unsupported")
        @OssCallback
        public String unsupported(@SystemVar("bucket") StringBuilder bucket) {
            return bucket.toString();
        }

        @POST
        @Path("nothing")
        @OssCallback
        public String nothingBound(String body) {
            return body;
        }

        @POST
        @Path("form-variable")
        @OssCallback
        public String formVariable(@SystemVar("bucket") String bucket, @RestForm("x:user") String user) {
            return user;
        }

        @POST
        @Path("oss-header")
        @OssCallback
        public String ossHeader(@SystemVar("bucket") String bucket, @HeaderParam("x-oss-request-id") String id) {
            return id;
        }

        /** RESTEasy Reactive names the header after the parameter: xOssBucket is X-Oss-Bucket. */
        @POST
        @Path("oss-header-by-name")
        @OssCallback
        public String ossHeaderByName(@SystemVar("bucket") String bucket, @RestHeader String xOssBucket) {
            return xOssBucket;
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
