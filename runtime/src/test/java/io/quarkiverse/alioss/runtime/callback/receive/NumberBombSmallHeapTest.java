package io.quarkiverse.alioss.runtime.callback.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.quarkiverse.alioss.callback.TestCallbackSigner;
import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkiverse.alioss.runtime.callback.token.MemoryTokenStore;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * JSON numbers whose plain text would be hundreds of millions of digits ({@code 1e900000000}): a custom variable OSS
 * always quotes, and a system variable the method binds after the token check. Each is refused with a 4xx at once,
 * in a JVM with a 64 MB heap (this class runs in its own surefire execution), where expanding one would fail with
 * OutOfMemoryError. Served by a real Vert.x route over the receive pipeline, as the generated routes do.
 */
@Tag("small-heap")
class NumberBombSmallHeapTest {

    static final String KEY_URL = "https://keys.example.com/test.pem";
    static final TestCallbackSigner SIGNER = new TestCallbackSigner();

    static Vertx vertx;
    static HttpServer server;
    static CallbackRouteServices services;
    static CallbackTemplate template;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        OssCallbackSettings settings = new OssCallbackSettings(List.of(URI.create("http://localhost")), 64 * 1024,
                Duration.ofSeconds(10), Set.of(), Map.of(), Duration.ofSeconds(5),
                new OssCallbackSettings.Token(true, Optional.empty(), Duration.ofMinutes(15), Duration.ofMinutes(15),
                        1000),
                Map.of());
        services = new CallbackRouteServices(OssCallbackVerifier.builder().trustKey(KEY_URL, SIGNER.pem()).build(),
                settings, new CallbackToken("number-bomb-test-secret-0123456789ab".getBytes(StandardCharsets.US_ASCII),
                        new SecureRandom()),
                new MemoryTokenStore(1000, Clock.systemUTC()), bucket -> Optional.empty(), new ObjectMapper(),
                Clock.systemUTC());
        CallbackEndpoint endpoint = CallbackIntakeTest.endpoint(CallbackBodyType.JSON, false);
        template = CallbackTemplate.of(endpoint);
        CallbackIntake intake = CallbackIntake.of(endpoint, services);
        Router router = Router.router(vertx);
        router.post("/oss/avatar").handler(ctx -> intake.receive(ctx).subscribe().with(
                accepted -> services.replies().success(ctx, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)),
                failure -> services.replies().refuse(ctx, intake.refusal(failure, ctx))));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "localhost").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void heapIsReallySmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThanOrEqualTo(64L * 1024 * 1024);
    }

    /** OSS quotes custom variables: a JSON number there was written by whoever uploaded, and is refused. */
    @Test
    void hugeExponentInACustomVariableIsRefusedAtOnce() throws Exception {
        warmUp();
        String body = "{\"bucket\":\"photos\",\"object\":\"k.png\",\"x:user\":1e900000000}";
        assertFastRefusal(target(), body);
    }

    /** A genuine token, then a system variable the method binds: bounded before it is expanded. */
    @Test
    void hugeNegativeExponentInASystemVariableIsRefusedAtOnce() throws Exception {
        warmUp();
        for (String size : List.of("1e-900000000", "1e900000000", "-1.5e-900000000")) {
            String body = "{\"bucket\":\"photos\",\"object\":\"k.png\",\"etag\":\"E\",\"size\":" + size
                    + ",\"crc64\":1,\"x:user\":\"alice\"}";
            assertFastRefusal(target(), body);
        }
    }

    /**
     * Each of three attempts is refused with 400. Expanding such a number needs far more than the 64 MB heap (the
     * route would then fail with 500, or the JVM with OutOfMemoryError) or minutes of CPU, so a 400 within a bound no
     * expansion could meet proves the value was refused before it was expanded. The bound is generous on purpose:
     * this is not a performance assertion (those live in benchmarks/).
     */
    private static void assertFastRefusal(String targetWithFreshTokens, String body) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            HttpResponse<String> response = post(attempt == 0 ? targetWithFreshTokens : target(), body);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(millis).as("attempt %d, in ms", attempt).isLessThan(10_000);
        }
    }

    private static void warmUp() throws Exception {
        String genuine = "{\"bucket\":\"photos\",\"object\":\"k.png\",\"etag\":\"E\",\"size\":5,\"crc64\":1,"
                + "\"x:user\":\"alice\"}";
        assertThat(post(target(), genuine).statusCode()).isEqualTo(200);
    }

    /**
     * The path (nothing to percent-decode in it) and a fresh token for object k.png of user alice, as a bound template would
     * carry them.
     */
    private static String target() {
        OssCallbackSpec spec = template.fill(List.of("http://localhost/oss/avatar"), Map.of("user", "alice"),
                (t, vars) -> services.tokenIssuer().queryFor("avatar", t, vars))
                .bind(CallbackTarget.upload("photos", "k.png"));
        return spec.urls().get(0).substring("http://localhost".length());
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + target))
                .header("content-type", "application/json")
                .header("authorization", SIGNER.sign(target, bytes))
                .header("x-oss-pub-key-url", TestCallbackSigner.b64(KEY_URL))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
