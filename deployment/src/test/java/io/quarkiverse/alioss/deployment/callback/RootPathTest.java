package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/**
 * With {@code quarkus.http.root-path}, the route, the template path and the callback URLs all include it (every URL
 * with the one token of its upload once bound); the reply is written with the application's (customized) ObjectMapper.
 */
class RootPathTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Orders.class, OrderSaved.class, SnakeCase.class,
                    TestCallbackKeys.class, SignedCallbacks.class, OssBodies.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.http.root-path", "/api")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://one.example/,https://two.example")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "root-path-test-secret-of-at-least-32-chars");

    record OrderSaved(String orderId) {
    }

    /** Replies are written with the application's ObjectMapper, customizations included. */
    @Singleton
    static class SnakeCase implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper objectMapper) {
            objectMapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
    }

    @ApplicationScoped
    static class Orders {
        @OssCallback(path = "oss/order", name = "order")
        OrderSaved order(@CallbackVar("order_id") String orderId) {
            return new OrderSaved(orderId);
        }
    }

    @Inject
    @CallbackTemplateName("order")
    OssCallbackTemplate order;

    @Test
    void rootPathIsPartOfTheRouteAndTheCallbackUrls() {
        assertThat(order.path()).isEqualTo("/api/oss/order");
        OssCallbackSpec unbound = order.fill(Map.of("order_id", "42"));
        assertThat(unbound.urls()).containsExactly("https://one.example/api/oss/order",
                "https://two.example/api/oss/order");
        OssCallbackSpec spec = unbound.bind(CallbackTarget.upload("orders", "2024/42.pdf"));
        String token = spec.urls().get(0).substring(spec.urls().get(0).indexOf('?'));
        assertThat(token).startsWith("?" + CallbackToken.QUERY_PARAMETER + "=v2.");
        assertThat(spec.urls()).containsExactly("https://one.example/api/oss/order" + token,
                "https://two.example/api/oss/order" + token);
        String target = OssBodies.target(spec);
        assertThat(target).startsWith("/api/oss/order?");
        // REST Assured already prefixes the root path; the signature covers the full target as received
        String relative = target.substring("/api".length());
        SignedCallbacks.sendSignedAs(target, relative, SignedCallbacks.FORM,
                OssBodies.render(spec, Map.of("bucket", "orders", "object", "2024/42.pdf", "x:order_id", "42")))
                .then().statusCode(200).body(equalTo("{\"order_id\":\"42\"}"));
    }

    @Test
    void routeIsNotMountedOutsideTheRootPath() {
        OssCallbackSpec spec = order.fill(Map.of("order_id", "42"));
        String target = OssBodies.target(spec).substring("/api".length());
        RestAssured.given().basePath("/").body("x%3Aorder_id=42").post(target).then().statusCode(404);
    }
}
