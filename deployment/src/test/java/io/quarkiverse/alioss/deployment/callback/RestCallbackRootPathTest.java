package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A resource-method callback's URL is root path + REST path + class and method {@code @Path}; OSS signs that full
 * target, and the verification accepts it as received.
 */
class RestCallbackRootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Orders.class, TestCallbackKeys.class, SignedCallbacks.class,
                    OssBodies.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.rest.path", "/rest")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://one.example")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "rest-root-path-test-secret-of-32-chars-min");

    @Path("orders/")
    public static class Orders {
        @POST
        @Path("/paid")
        @OssCallback(name = "paid")
        public Map<String, String> paid(@CallbackVar("order_id") String orderId) {
            return Map.of("order", orderId);
        }
    }

    @Inject
    @CallbackTemplateName("paid")
    OssCallbackTemplate paid;

    @Test
    void fullPathIsRootPathRestPathAndJaxRsPaths() {
        assertThat(paid.path()).isEqualTo("/app/rest/orders/paid");
        OssCallbackSpec unbound = paid.fill(Map.of("order_id", "42"));
        assertThat(unbound.urls()).containsExactly("https://one.example/app/rest/orders/paid");
        OssCallbackSpec spec = unbound.bind(CallbackTarget.upload("orders", "2024/42.pdf"));
        assertThat(spec.urls()).singleElement().asString().startsWith("https://one.example/app/rest/orders/paid?");
        String target = OssBodies.target(spec);
        // REST Assured already prefixes the root path; the signature covers the full target as received
        SignedCallbacks.sendSignedAs(target, target.substring("/app".length()), SignedCallbacks.FORM,
                OssBodies.render(spec, Map.of("bucket", "orders", "object", "2024/42.pdf", "x:order_id", "42")))
                .then().statusCode(200).body(equalTo("{\"order\":\"42\"}"));
    }
}
