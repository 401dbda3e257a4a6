package io.quarkiverse.alioss.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.vertx.core.buffer.Buffer;

/**
 * A browser's form does not always arrive in one read: here the fields and the start of the file come first, the rest
 * of the file and the closing boundary a moment later. The fields are still the form's, so the upload is accepted,
 * and a forged signature is still refused without storing anything.
 */
class PostObjectSplitBodyTest {

    private static final String BUCKET = "split-bucket";
    private static final byte[] FILE = "form file content that arrives in two pieces".getBytes(StandardCharsets.UTF_8);
    /** Long enough for the server to handle the first piece on its own. */
    private static final long PAUSE_MILLIS = 300;

    private static OssEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void fieldsBeforeAFileThatArrivesLaterAreRead() throws Exception {
        String response = postInTwoPieces(form("split/accepted.txt", emulator.accessKeySecret()));

        assertThat(response).startsWith("HTTP/1.1 204 ");
        assertThat(emulator.hasObject(BUCKET, "split/accepted.txt")).isTrue();
    }

    @Test
    void forgedSignatureOfAFormThatArrivesInPiecesIsRefusedAndNothingIsStored() throws Exception {
        String response = postInTwoPieces(form("split/forged.txt", "not-the-secret"));

        assertThat(response).startsWith("HTTP/1.1 403 ").contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(emulator.hasObject(BUCKET, "split/forged.txt")).isFalse();
    }

    private static Buffer form(String key, String secret) {
        String policy = PostForm.base64("{\"expiration\":\"" + Instant.now().plusSeconds(600)
                .truncatedTo(ChronoUnit.SECONDS) + "\",\"conditions\":[{\"bucket\":\"" + BUCKET + "\"}]}");
        return new PostForm().field("key", key).field("policy", policy)
                .field("OSSAccessKeyId", emulator.accessKeyId())
                .field("Signature", PostForm.signV1(secret, policy))
                .withFile("file.txt", "text/plain", FILE);
    }

    /** Sends the form up to the middle of the file, waits, sends the rest; returns the raw response. */
    private static String postInTwoPieces(Buffer form) throws Exception {
        byte[] body = form.getBytes();
        String text = form.toString(StandardCharsets.ISO_8859_1);
        int fileStart = text.indexOf(new String(FILE, StandardCharsets.ISO_8859_1));
        int split = fileStart + FILE.length / 2;
        byte[] head = ("POST /" + BUCKET + " HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.port() + "\r\nContent-Type: "
                + PostForm.contentType() + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(Arrays.copyOfRange(body, 0, split));
            out.flush();
            Thread.sleep(PAUSE_MILLIS);
            out.write(Arrays.copyOfRange(body, split, body.length));
            out.flush();
            socket.getInputStream().transferTo(received);
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
