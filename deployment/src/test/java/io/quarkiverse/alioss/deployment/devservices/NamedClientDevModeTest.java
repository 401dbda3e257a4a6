package io.quarkiverse.alioss.deployment.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.test.QuarkusDevModeTest;
import io.vertx.ext.web.Router;

/**
 * Dev mode with no endpoint anywhere: a named client, configured with a bucket only, stores and reads objects in the
 * emulator; with a data directory, an object stored before a restart of the emulator is read after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NamedClientDevModeTest {

    private static final int PORT = freePort();
    private static final Path DATA_DIR = temporaryDirectory();

    @RegisterExtension
    static final QuarkusDevModeTest TEST = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(ArchiveRoute.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"
                            + "quarkus.oss.archive.bucket=archive-files\n"
                            + "quarkus.oss.devservices.data-dir=" + DATA_DIR + "\n"), "application.properties"));

    @ApplicationScoped
    static class ArchiveRoute {

        @Inject
        @OssClientName("archive")
        OssClient archive;

        void route(@Observes Router router) {
            router.get("/archive/put").blockingHandler(rc -> {
                archive.putObject(rc.queryParams().get("key"),
                        rc.queryParams().get("content").getBytes(StandardCharsets.UTF_8), UploadOptions.defaults());
                rc.response().end(archive.bucket());
            });
            router.get("/archive/get").blockingHandler(rc -> rc.response()
                    .end(new String(archive.getObject(rc.queryParams().get("key")).bytes(), StandardCharsets.UTF_8)));
            router.get("/oss-config").handler(rc -> rc.response()
                    .end(ConfigProvider.getConfig().getValue(rc.queryParams().get("key"), String.class)));
        }
    }

    @AfterAll
    static void deleteDataDir() throws IOException {
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    @Order(1)
    void namedClientWithoutEndpointStoresAndReadsInTheEmulator() {
        assertThat(call("/archive/put", "key", "docs/a.txt", "content", "archived")).isEqualTo("archive-files");
        assertThat(call("/archive/get", "key", "docs/a.txt")).isEqualTo("archived");
        assertThat(config("quarkus.oss.archive.endpoint")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(config("quarkus.oss.archive.credentials.type")).isEqualTo("static");
        assertThat(config("quarkus.oss.archive.region")).isEqualTo("cn-hangzhou");
    }

    @Test
    @Order(2)
    void theDataDirKeepsObjectsWhenTheEmulatorRestarts() {
        call("/archive/put", "key", "kept.txt", "content", "kept across the restart");
        String before = config("quarkus.oss.archive.endpoint");

        // a changed Dev Services setting stops the emulator and starts a new one on the same directory
        TEST.modifyResourceFile("application.properties", s -> s + "quarkus.oss.devservices.buckets=more\n");

        assertThat(config("quarkus.oss.archive.endpoint")).isNotEqualTo(before);
        assertThat(call("/archive/get", "key", "kept.txt")).isEqualTo("kept across the restart");
        assertThat(call("/archive/get", "key", "docs/a.txt")).isEqualTo("archived");
    }

    private static String config(String key) {
        return call("/oss-config", "key", key);
    }

    private static String call(String path, String... params) {
        var request = given().port(PORT);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get(path).then().statusCode(200).extract().asString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("oss-devservices-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
