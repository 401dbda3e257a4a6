package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * In dev mode the callback routes are listed on the not-found page, so a developer can see where OSS must call. Dev
 * mode needs no token secret (one is generated per start), but the token stays required: a signed callback without
 * one is refused.
 */
class DevModeRouteListingTest {

    /** Dev mode does not publish a random port to REST Assured, so pick a free one up front. */
    static final int PORT = freePort();
    /** The application runs in dev mode's own class loader: it tells the test about calls through this property. */
    static final String CALLED_PROPERTY = "alioss.test.dev-mode-avatar-called";

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Avatars.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.oss.devservices.enabled=false\n"
                            + "quarkus.oss.callback.trusted-key-urls=" + TestCallbackKeys.keyUrl() + "\n"),
                            "application.properties"));

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
            System.setProperty(CALLED_PROPERTY, object);
        }
    }

    @Test
    void notFoundPageListsTheCallbackRoute() {
        RestAssured.given().port(PORT).accept("text/html").get("/no-such-page").then().statusCode(404)
                .body(containsString("/oss/avatar"))
                .body(containsString("OSS callback"));
    }

    @Test
    void signedCallbackWithoutTokenIsRefusedWithoutAConfiguredSecret() {
        RefusalRecords refusals = RefusalRecords.capture();
        System.clearProperty(CALLED_PROPERTY);
        byte[] body = "object=a.png&bucket=photos".getBytes(StandardCharsets.UTF_8);

        SignedCallbacks.send("http://localhost:" + PORT + "/oss/avatar", SignedCallbacks.FORM, body,
                TestCallbackKeys.sign("/oss/avatar", body), TestCallbackKeys.keyUrlHeader())
                .then().statusCode(403)
                .body(equalTo("{\"status\":\"error\",\"code\":403,\"reason\":\"token refused\"}"));

        assertThat(System.getProperty(CALLED_PROPERTY)).isNull();
        assertThat(refusals.codes()).containsExactly("TOKEN_MISSING");
    }
}
