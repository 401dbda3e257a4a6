package io.quarkiverse.alioss.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * A PostObject refused after its file is ingested (the policy check) always answers the complete error XML: the same
 * refused form many times in a row, concurrently, with a caller that loses the CPU right after sending, and read with
 * a bare socket so that no HTTP client can hide or cause a lost body.
 */
class PostObjectRefusalStressTest {

    private static final String BUCKET = "stress-bucket";
    private static final String KEY = "uploads/edited.txt";
    private static final byte[] FILE = "form file content".getBytes(StandardCharsets.UTF_8);
    private static final String RULES = "[\"starts-with\",\"$key\",\"uploads/\"],"
            + "[\"content-length-range\",1,1024],{\"x:uid\":\"42\"}";

    private static OssEmulator emulator;
    private static RawHttp http;
    private static Buffer form;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        http = new RawHttp(emulator.port());
        String policy = "{\"expiration\":\"" + Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"conditions\":[{\"bucket\":\"" + BUCKET + "\"}," + RULES + "]}";
        form = PostForm.signedV4(emulator.accessKeyId(), emulator.accessKeySecret(), emulator.region(), KEY, policy)
                .field("x:uid", "43").withFile("file.txt", "text/plain", FILE);
    }

    @AfterAll
    static void stop() {
        http.close();
        emulator.close();
    }

    private static void assertRefused(RawHttp.Response response, int attempt) {
        String what = "attempt " + attempt + ": status " + response.status() + ", body [" + response.text() + "]";
        assertThat(response.status()).as(what).isEqualTo(403);
        assertThat(response.text()).as(what).contains("<Code>AccessDenied</Code>").contains("x:uid")
                .endsWith("</Error>");
    }

    @Test
    void sequentialRefusalsAlwaysCarryTheErrorXml() throws Exception {
        for (int i = 0; i < 300; i++) {
            assertRefused(http.send(HttpMethod.POST, "/" + BUCKET, PostForm.headers(), form), i);
        }
        assertThat(emulator.hasObject(BUCKET, KEY)).isFalse();
    }

    @Test
    void concurrentRefusalsAlwaysCarryTheErrorXml() throws Exception {
        ConcurrentAttempts.run(400, attempt -> assertRefused(
                http.send(HttpMethod.POST, "/" + BUCKET, PostForm.headers(), form), attempt));
    }

    /**
     * The flake this class was written for: the caller thread stalled (a busy 2-core build) after the request went
     * out, the answer arrived meanwhile, and asking for the body afterwards got "" from Vert.x. The test client now
     * wires the body read before sending, so a stall of the caller must not matter.
     */
    @Test
    void stalledCallerStillGetsTheWholeBody() throws Exception {
        for (int i = 0; i < 200; i++) {
            io.vertx.core.Future<RawHttp.Response> response = http.exchange(HttpMethod.POST, "/" + BUCKET,
                    PostForm.headers(), form);
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
            assertRefused(response.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS), i);
        }
    }

    /** The server side alone: the bytes on the wire are a 403 whose Content-Length matches the complete XML. */
    @Test
    void theWireCarriesTheCompleteErrorXml() throws Exception {
        byte[] head = ("POST /" + BUCKET + " HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.port() + "\r\nContent-Type: "
                + PostForm.contentType() + "\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 200; i++) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write(form.getBytes());
                out.flush();
                InputStream in = socket.getInputStream();
                in.transferTo(received);
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("attempt %d: %s", i, text).isPositive();
            String headers = text.substring(0, split + 2).toLowerCase(Locale.ROOT);
            String body = text.substring(split + 4);
            assertThat(headers).as("attempt %d", i).startsWith("http/1.1 403 ")
                    .contains("content-length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
            assertThat(body).as("attempt %d", i).contains("<Code>AccessDenied</Code>").endsWith("</Error>");
        }
    }
}
