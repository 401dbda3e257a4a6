package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What a sender costs before anything about it is known: a body trickling in at 1 byte/s is cut off by the read
 * deadline (OSS sends at once and waits 5 s); a body announced larger than the limit gets 413 at once; after either the
 * connection is closed instead of draining whatever the sender has left.
 */
class SlowCallbackBodyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Receiver.class, RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.read-timeout", "2S")
            .overrideConfigKey("quarkus.oss.callback.max-body-size", "1K");

    static final AtomicInteger CALLS = new AtomicInteger();

    @ApplicationScoped
    static class Receiver {
        @OssCallback(path = "/oss/slow", name = "slow")
        void received(@SystemVar("size") long size) {
            CALLS.incrementAndGet();
        }
    }

    @TestHTTPResource("/")
    URL root;

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        CALLS.set(0);
        refusals = RefusalRecords.capture();
    }

    @Test
    void bodyAtOneBytePerSecondIsCutOffByTheDeadline() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(60).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String response = null;
            for (int sent = 0; sent < 60 && response == null; sent++) {
                out.write('a');
                out.flush();
                response = responseIfAny(socket, 1000);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(response).as("a response before the 60 bytes were sent").isNotNull()
                    .startsWith("HTTP/1.1 408");
            assertThat(seconds).as("cut off around the 2 s deadline").isLessThan(8);
            assertThat(closedByServer(socket)).isTrue();
        }
        assertThat(CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("408 BODY_TIMEOUT");
    }

    @Test
    void bodyAnnouncedLargerThanTheLimitIs413AndTheConnectionIsClosed() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
            out.write("size=1&".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = responseIfAny(socket, 5000);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(closedByServer(socket)).isTrue();
        }
        assertThat(CALLS).hasValue(0);
        assertThat(refusals.statusesAndCodes()).containsExactly("413 BODY_TOO_LARGE");
    }

    private static String head(long contentLength) {
        return "POST /oss/slow HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** The response head and body received within {@code millis}, or null when nothing came. */
    private static String responseIfAny(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                return received.size() == 0 ? null : received.toString(StandardCharsets.US_ASCII);
            }
            received.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    /** Whether the server closed the connection (end of stream or reset) rather than waiting for more. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int n = in.read(new byte[4096]);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
