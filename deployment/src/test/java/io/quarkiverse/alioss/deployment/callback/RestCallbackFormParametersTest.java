package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.Index;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;

/**
 * A resource callback gets the verified body parsed as form data only when a parameter may read it; every parameter
 * that is not known to come from elsewhere counts as one that may.
 */
class RestCallbackFormParametersTest {

    static class Signatures {
        void bindingsOnly(OssUpload upload, @CallbackVar("user") String user, @SystemVar("size") long size) {
        }

        void elsewhere(OssUpload upload, @HeaderParam("x") String header, @RestQuery String q, @Context UriInfo uri) {
        }

        void none() {
        }

        void restForm(OssUpload upload, @RestForm String bucket) {
        }

        void formParam(@FormParam("bucket") String bucket) {
        }

        void beanParam(@BeanParam Object form) {
        }

        void entity(byte[] body) {
        }
    }

    @ParameterizedTest
    @CsvSource({ "bindingsOnly, false", "elsewhere, false", "none, false", "restForm, true", "formParam, true",
            "beanParam, true", "entity, true" })
    void formDataIsParsedOnlyForMethodsThatMayReadIt(String method, boolean form) throws IOException {
        ClassInfo signatures = Index.of(Signatures.class).getClassByName(Signatures.class);
        assertThat(RestCallbackMethodScanner.mayReadTheForm(signatures.firstMethod(method))).isEqualTo(form);
    }
}
