package io.quarkiverse.alioss.deployment.callback;

import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/** In dev mode the callback routes are listed on the not-found page, so a developer can see where OSS must call. */
class DevModeRouteListingTest {

    /** Dev mode does not publish a random port to REST Assured, so pick a free one up front. */
    static final int PORT = freePort();

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Avatars.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ApplicationScoped
    public static class Avatars {
        @OssCallback(path = "/oss/avatar", name = "avatar")
        public void uploaded(@SystemVar("object") String object) {
        }
    }

    @Test
    void notFoundPageListsTheCallbackRoute() {
        RestAssured.given().port(PORT).accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString("/oss/avatar"))
                .body(containsString("OSS callback"));
    }
}
