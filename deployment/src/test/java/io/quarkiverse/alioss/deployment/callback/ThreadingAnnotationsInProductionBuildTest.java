package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.example.callbacks.ThreadingAnnotatedCallbacks;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * {@code @NonBlocking}, {@code @Blocking} and {@code @RunOnVirtualThread} on {@code @OssCallback} methods of an
 * application class: the production build succeeds (Quarkus checks where these annotations may be used) and the
 * packaged application serves the routes.
 */
class ThreadingAnnotationsInProductionBuildTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClass(ThreadingAnnotatedCallbacks.class))
            .setApplicationName("threading-annotations")
            .setApplicationVersion("0.1")
            .overrideConfigKey("quarkus.http.port", "0")
            .overrideConfigKey("quarkus.oss.callback.token.secret", "threading-annotations-secret-0123456789")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .setRun(true);

    @Test
    void packagedApplicationServesTheCallbackRoutes() throws Exception {
        Matcher listening = Pattern.compile("Listening on: http://[^:]+:(\\d+)").matcher(TEST.getStartupConsoleOutput());
        assertThat(listening.find()).as(TEST.getStartupConsoleOutput()).isTrue();
        for (String path : new String[] { "/oss/non-blocking", "/oss/blocking", "/oss/virtual" }) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + listening.group(1) + path))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("object=a")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // unsigned, so refused: the route is there and runs the pipeline
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).isEqualTo("{\"status\":\"error\",\"code\":403,\"reason\":"
                    + "\"verification failed\"}");
        }
    }
}
