package io.quarkiverse.alioss.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.OSSObject;

import io.quarkiverse.alioss.emulator.sdk.SdkClients;

/**
 * The command line as a user runs it: {@link EmulatorMain} in a JVM of its own, started the way
 * {@code java -jar ...-runner.jar} starts it (the runner jar's manifest names this main class).
 */
class EmulatorMainProcessTest {

    private static final Pattern STARTED = Pattern.compile("^OSS emulator listening on (http://127\\.0\\.0\\.1:(\\d+)) ");

    @TempDir
    Path temp;

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(temp.resolve("stderr.txt").toFile()).start();
    }

    private String stderr() throws IOException {
        File file = temp.resolve("stderr.txt").toFile();
        return file.exists() ? Files.readString(file.toPath()) : "";
    }

    @Test
    void startsOnAFreePortWithTheBucketAndPrintsItsUrl() throws Exception {
        Process process = launch("--port", "0", "--bucket", "demo");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(line).as("first line; stderr: %s", stderr()).isNotNull();
            Matcher started = STARTED.matcher(line);
            assertThat(started.find()).as(line).isTrue();
            String baseUrl = started.group(1);
            assertThat(Integer.parseInt(started.group(2))).as("a real port, not 0").isPositive();

            OSS oss = SdkClients.client(baseUrl, OssEmulatorOptions.DEFAULT_REGION,
                    OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID, OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET);
            try {
                assertThat(oss.doesBucketExist("demo")).as("--bucket demo is created at start").isTrue();
                assertThat(oss.doesBucketExist("other")).isFalse();
                oss.putObject("demo", "hello.txt", new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)));
                try (OSSObject object = oss.getObject("demo", "hello.txt")) {
                    assertThat(object.getObjectContent().readAllBytes()).asString(StandardCharsets.UTF_8)
                            .isEqualTo("hi");
                }
            } finally {
                oss.shutdown();
            }
            Matcher keyUrl = Pattern.compile("callback key (\\S+)\\)").matcher(line);
            assertThat(keyUrl.find()).as(line).isTrue();
            String pem = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keyUrl.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }

    @Test
    void helpListsEveryFlagAndExitsZero() throws Exception {
        Process process = launch("--help");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr()).isZero();
        assertThat(out).startsWith("Usage: java -jar ")
                .contains("--port", "--bucket", "--access-key-id", "--access-key-secret", "--region", "--data-dir",
                        "--fault", "--help");
    }

    @Test
    void unknownOptionExitsTwoNamingIt() throws Exception {
        Process process = launch("--colour", "red");
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains("Error: Unknown option --colour").contains("Usage:");
    }
}
