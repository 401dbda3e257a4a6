package io.quarkiverse.alioss.deployment.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.emulator.server.OssServer;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkus.test.QuarkusDevModeTest;
import io.vertx.ext.web.Router;

/**
 * Dev mode: a live reload that leaves the Dev Services settings alone keeps the running emulator; changing them stops
 * it and starts a new one.
 */
class DevModeRestartTest {

    /** A free port found up front: RestAssured is not told the port dev mode picks for quarkus.http.port=0. */
    private static final int PORT = freePort();

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(EndpointRoute.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ApplicationScoped
    static class EndpointRoute {
        void route(@Observes Router router) {
            router.get("/oss-config").handler(rc -> rc.response()
                    .end(ConfigProvider.getConfig().getValue(rc.queryParams().get("key"), String.class)));
        }
    }

    @Test
    void reloadKeepsTheEmulatorUntilItsSettingsChange() throws Exception {
        String first = endpoint();
        assertThat(keyStatus(first)).isEqualTo(200);

        TEST.modifyResourceFile("application.properties", s -> s + "unrelated.setting=1\n");
        assertThat(endpoint()).isEqualTo(first);

        TEST.modifyResourceFile("application.properties", s -> s + "quarkus.oss.devservices.buckets=other\n");
        String second = endpoint();
        assertThat(second).isNotEqualTo(first);
        // the application trusts the new emulator's key (each emulator generates its own key pair, so an entry left
        // from the stopped one names a key whose private half is gone with it)
        assertThat(config(OssConfigKeys.callbackTrustedKey(second + OssServer.CALLBACK_KEY_PATH)))
                .isEqualTo(servedKey(second));
        assertThat(keyStatus(second)).isEqualTo(200);
        Throwable old = catchThrowable(() -> keyStatus(first));
        assertThat(old).as("the replaced emulator must be stopped").isInstanceOf(ConnectException.class);
    }

    private static String endpoint() {
        return config("quarkus.oss.endpoint");
    }

    private static String config(String key) {
        return given().port(PORT).queryParam("key", key).when().get("/oss-config").then().statusCode(200).extract()
                .asString();
    }

    private static String servedKey(String endpoint) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + OssServer.CALLBACK_KEY_PATH))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int keyStatus(String endpoint) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/__emulator/callback_pub_key.pem"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
