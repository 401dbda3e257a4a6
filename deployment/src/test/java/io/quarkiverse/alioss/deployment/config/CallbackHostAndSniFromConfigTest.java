package io.quarkiverse.alioss.deployment.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code callbackHost} and {@code callbackSNI} differ per environment, so configuration overrides the annotation's
 * constants per callback name; a callback the configuration does not name keeps its annotation's values.
 */
class CallbackHostAndSniFromConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Callbacks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.endpoint.avatar.host", "callbacks.example.com:8443")
            .overrideConfigKey("quarkus.oss.callback.endpoint.avatar.sni", "true");

    @ApplicationScoped
    public static class Callbacks {
        @OssCallback(path = "/oss/avatar", name = "avatar", callbackHost = "annotation.example.com")
        public String avatar(@SystemVar("object") String object) {
            return object;
        }

        @OssCallback(path = "/oss/invoice", name = "invoice", callbackHost = "invoices.example.com", sni = true)
        public String invoice(@SystemVar("object") String object) {
            return object;
        }
    }

    @Inject
    @CallbackTemplateName("avatar")
    OssCallbackTemplate avatar;

    @Inject
    @CallbackTemplateName("invoice")
    OssCallbackTemplate invoice;

    @Test
    void configuredEndpointCarriesTheConfiguredHostAndSni() throws Exception {
        JsonNode callback = callbackJson(avatar);

        assertThat(callback.get("callbackHost").textValue()).isEqualTo("callbacks.example.com:8443");
        assertThat(callback.get("callbackSNI").booleanValue()).isTrue();
    }

    @Test
    void endpointTheConfigurationDoesNotNameKeepsItsAnnotation() throws Exception {
        JsonNode callback = callbackJson(invoice);

        assertThat(callback.get("callbackHost").textValue()).isEqualTo("invoices.example.com");
        assertThat(callback.get("callbackSNI").booleanValue()).isTrue();
    }

    /** The callback JSON an upload of {@code photos/a.png} would carry in its {@code x-oss-callback} header. */
    private static JsonNode callbackJson(OssCallbackTemplate template) throws Exception {
        String base64 = template.fill().bind(CallbackTarget.upload("photos", "a.png")).callbackBase64();
        return new ObjectMapper().readTree(Base64.getDecoder().decode(base64));
    }
}
