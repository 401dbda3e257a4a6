package io.quarkiverse.alioss.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Genuine PostObject forms are accepted, every time: 500 uploads (sequential, concurrent, and written to the socket in
 * pieces with pauses between them, so that the form fields and the file arrive in separate reads), none refused, plus
 * one upload split at every byte. The emulator once read the form fields before the whole request had arrived and
 * refused such uploads as anonymous, and Netty's decoder kept a carriage return in a field split at a boundary.
 */
class PostObjectAcceptedStressTest {

    private static final String BUCKET = "accepted-bucket";
    private static final byte[] FILE = "accepted form file content".getBytes(StandardCharsets.UTF_8);

    private static OssEmulator emulator;
    private static RawHttp http;
    private static String policy;
    private static Buffer form;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
        http = new RawHttp(emulator.port());
        policy = "{\"expiration\":\"" + Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"conditions\":[{\"bucket\":\"" + BUCKET + "\"},[\"starts-with\",\"$key\",\"stress/\"],"
                + "[\"content-length-range\",1,1024]]}";
        form = PostForm.signedV4(emulator.accessKeyId(), emulator.accessKeySecret(), emulator.region(),
                "stress/${filename}", policy).withFile("accepted.txt", "text/plain", FILE);
    }

    @AfterAll
    static void stop() {
        http.close();
        emulator.close();
    }

    private static void assertAccepted(int status, String body, int attempt) {
        assertThat(status).as("attempt %d: status %d, body [%s]", attempt, status, body).isEqualTo(204);
    }

    @Test
    void sequentialUploadsAreAllAccepted() throws Exception {
        for (int i = 0; i < 200; i++) {
            RawHttp.Response response = http.send(HttpMethod.POST, "/" + BUCKET, PostForm.headers(), form);
            assertAccepted(response.status(), response.text(), i);
        }
        assertThat(emulator.hasObject(BUCKET, "stress/accepted.txt")).isTrue();
    }

    @Test
    void concurrentUploadsAreAllAccepted() throws Exception {
        ConcurrentAttempts.run(200, attempt -> {
            RawHttp.Response response = http.send(HttpMethod.POST, "/" + BUCKET, PostForm.headers(), form);
            assertAccepted(response.status(), response.text(), attempt);
        });
    }

    /**
     * The form split into two reads at every byte, once each: the fields must be exactly what was sent wherever a read
     * ends (a read ending right after the CRLF before a boundary once left a carriage return in the field: a signature
     * that did not match, or an object key with a CR at its end).
     */
    @Test
    void everySplitPointGivesTheSameFields() throws Exception {
        for (int split = 1;; split++) {
            String file = "split-" + split + ".txt";
            byte[] bytes = PostForm.signedV4(emulator.accessKeyId(), emulator.accessKeySecret(), emulator.region(),
                    "stress/${filename}", policy).withFile(file, "text/plain", FILE).getBytes();
            if (split >= bytes.length) {
                return;
            }
            int status = sendInPieces(bytes, split, split);
            assertAccepted(status, "split at " + split, split);
            assertThat(emulator.hasObject(BUCKET, "stress/" + file)).as("key exactly as sent, split at %d", split)
                    .isTrue();
        }
    }

    /** The request written in three pieces with pauses, as a slow browser or a busy network delivers it. */
    @Test
    void uploadsArrivingInPiecesAreAllAccepted() throws Exception {
        byte[] bytes = form.getBytes();
        for (int i = 0; i < 100; i++) {
            int first = ThreadLocalRandom.current().nextInt(1, bytes.length - 1);
            int second = ThreadLocalRandom.current().nextInt(first, bytes.length);
            assertAccepted(sendInPieces(bytes, first, second), "split at " + first + " and " + second, i);
        }
    }

    /** Writes the request in three pieces, with a pause after each, and returns the response status. */
    private static int sendInPieces(byte[] bytes, int first, int second) throws Exception {
        byte[] head = ("POST /" + BUCKET + " HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.port() + "\r\nContent-Type: "
                + PostForm.contentType() + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(bytes, 0, first);
            out.flush();
            Thread.sleep(2);
            out.write(bytes, first, second - first);
            out.flush();
            Thread.sleep(2);
            out.write(bytes, second, bytes.length - second);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }
}
