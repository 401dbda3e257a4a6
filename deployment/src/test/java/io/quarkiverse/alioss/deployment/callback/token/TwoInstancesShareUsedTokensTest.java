package io.quarkiverse.alioss.deployment.callback.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;
import io.vertx.ext.web.Router;

/**
 * Two instances of one packaged application, sharing a real redis-server as their store of used callback tokens: a
 * callback the OSS emulator really signed and sent is accepted by one instance and refused by the other, in both
 * directions. (Each instance's memory alone would accept it once at each.)
 */
@ExtendWith(RedisServerInstalled.class)
class TwoInstancesShareUsedTokensTest {

    static final String SECRET = "two-instances-shared-secret-0123456789abcdef";

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Uploads.class, UploadRoutes.class))
            .setApplicationName("two-instances")
            .setApplicationVersion("0.1")
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-redis-client", Version.getVersion())))
            .overrideConfigKey("quarkus.oss.callback.token.store", "redis")
            // the instances are started by this test, with the run-time settings of the environment it makes
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults build;

    static LocalRedisServer redis;
    static OssEmulator emulator;
    static CapturingProxy oss;
    static final List<Process> instances = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The application's callback: counts what it accepted. */
    @ApplicationScoped
    public static class Uploads {
        static final AtomicLong ACCEPTED = new AtomicLong();

        @OssCallback(path = "/oss/uploaded", name = "uploaded")
        public String uploaded(OssUpload upload, @CallbackVar("user") String user) {
            ACCEPTED.incrementAndGet();
            return user + ":" + upload.object();
        }
    }

    /** {@code POST /upload?key=...} uploads with the callback; {@code GET /accepted} tells how many were accepted. */
    @ApplicationScoped
    public static class UploadRoutes {
        @Inject
        ReactiveOssClient oss;

        @Inject
        @CallbackTemplateName("uploaded")
        OssCallbackTemplate uploaded;

        void routes(@Observes Router router) {
            router.get("/accepted").handler(ctx -> ctx.end(Long.toString(Uploads.ACCEPTED.get())));
            router.post("/upload").handler(ctx -> oss.putObject(ctx.queryParams().get("key"), new byte[] { 1, 2, 3 },
                    UploadOptions.defaults().callback(uploaded.fill(Map.of("user", "alice"))))
                    .subscribe().with(result -> ctx.end("stored"), failure -> ctx.fail(500, failure)));
        }
    }

    @BeforeAll
    static void environment() throws Exception {
        redis = LocalRedisServer.start();
        emulator = OssEmulator.start(OssEmulatorOptions.builder().port(0).bucket("photos").build());
        oss = CapturingProxy.start();
    }

    @AfterAll
    static void tearDown() throws Exception {
        instances.forEach(Process::destroy);
        for (Process instance : instances) {
            instance.waitFor(20, TimeUnit.SECONDS);
        }
        if (oss != null) {
            oss.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void callbackAcceptedByOneInstanceIsRefusedByTheOther() throws Exception {
        Instance first = start("first");
        Instance second = start("second");

        Captured one = first.uploadAndCaptureCallback("shared/one.bin");
        assertThat(first.deliver(one).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = second.deliver(one);
        assertThat(replayed.statusCode()).isEqualTo(403);
        assertThat(replayed.body()).contains("\"reason\":\"token refused\"");

        Captured two = first.uploadAndCaptureCallback("shared/two.bin");
        assertThat(second.deliver(two).statusCode()).isEqualTo(200);
        assertThat(first.deliver(two).statusCode()).isEqualTo(403);

        assertThat(first.accepted()).isEqualTo(1);
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(first.log()).contains("refused with 403 TOKEN_REPLAYED");
        assertThat(second.log()).contains("refused with 403 TOKEN_REPLAYED");
    }

    /** A callback exactly as the emulator signed and sent it. */
    record Captured(String target, Map<String, String> headers, byte[] body) {
    }

    /** One running instance of the packaged application. */
    record Instance(String name, int port, Path logFile) {

        Captured uploadAndCaptureCallback(String key) throws Exception {
            HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(uri("/upload?key=" + key))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            return oss.take();
        }

        HttpResponse<String> deliver(Captured callback) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(callback.target()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()));
            callback.headers().forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        long accepted() throws Exception {
            return Long.parseLong(HTTP.send(HttpRequest.newBuilder(uri("/accepted")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        URI uri(String target) {
            return URI.create("http://127.0.0.1:" + port + target);
        }
    }

    /** Starts the packaged application with the shared secret, the shared Redis, and the emulator as OSS. */
    private Instance start(String name) throws Exception {
        int port = freePort();
        Path log = build.getBuildDir().resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.redis.hosts=" + redis.uri(),
                "-Dquarkus.oss.endpoint=" + emulator.baseUrl(),
                "-Dquarkus.oss.region=" + emulator.region(),
                "-Dquarkus.oss.bucket=photos",
                "-Dquarkus.oss.credentials.access-key-id=" + emulator.accessKeyId(),
                "-Dquarkus.oss.credentials.access-key-secret=" + emulator.accessKeySecret(),
                "-Dquarkus.oss.callback.base-url=" + oss.baseUrl(),
                "-Dquarkus.oss.callback.token.secret=" + SECRET,
                // the emulator's key, pinned (nothing is fetched)
                "-Dquarkus.oss.callback.trusted-keys.\"" + emulator.callbackPublicKeyUrl() + "\"="
                        + emulator.callbackPublicKeyPem(),
                "-jar", build.getBuildDir().resolve("quarkus-app").resolve("quarkus-run.jar").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        instances.add(process);
        Instance instance = new Instance(name, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || !instance.log().contains("started in")) {
            assertThat(process.isAlive()).as("instance %s exited:%n%s", name, Files.exists(log) ? instance.log() : "")
                    .isTrue();
            assertThat(System.nanoTime()).as("instance %s did not start in 60 s", name).isLessThan(deadline);
            Thread.sleep(100);
        }
        return instance;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stands in for the application's public URL: keeps each callback as OSS sent it and answers for it. */
    static final class CapturingProxy implements AutoCloseable {
        private static final byte[] REPLY = "{\"captured\":true}".getBytes(StandardCharsets.UTF_8);
        private final HttpServer server;
        private final BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();

        private CapturingProxy(HttpServer server) {
            this.server = server;
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                URI uri = exchange.getRequestURI();
                Map<String, String> headers = Map.of(
                        "content-type", exchange.getRequestHeaders().getFirst("content-type"),
                        "authorization", exchange.getRequestHeaders().getFirst("authorization"),
                        "x-oss-pub-key-url", exchange.getRequestHeaders().getFirst("x-oss-pub-key-url"));
                captured.add(new Captured(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                        headers, body));
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.sendResponseHeaders(200, REPLY.length);
                exchange.getResponseBody().write(REPLY);
                exchange.close();
            });
            server.start();
        }

        static CapturingProxy start() throws IOException {
            return new CapturingProxy(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        Captured take() throws InterruptedException {
            Captured next = captured.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a callback from the emulator").isNotNull();
            return next;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
