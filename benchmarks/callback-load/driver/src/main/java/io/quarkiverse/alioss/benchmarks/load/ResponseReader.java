package io.quarkiverse.alioss.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.vertx.core.buffer.Buffer;

/**
 * Splits what one connection receives into HTTP/1.1 responses. Every receiver under test answers with a
 * {@code Content-Length} (OSS refuses anything else), so nothing more is needed.
 */
final class ResponseReader {

    /** Called once per complete response. */
    interface Listener {
        void response(int status, Buffer body);
    }

    private Buffer pending = Buffer.buffer();
    private int bodyStart = -1;
    private int contentLength;
    private int status;

    void feed(Buffer chunk, Listener listener) {
        pending = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
        while (true) {
            if (bodyStart < 0 && !readHead()) {
                return;
            }
            int end = bodyStart + contentLength;
            if (pending.length() < end) {
                return;
            }
            Buffer body = pending.getBuffer(bodyStart, end);
            pending = end == pending.length() ? Buffer.buffer() : pending.getBuffer(end, pending.length());
            bodyStart = -1;
            listener.response(status, body);
        }
    }

    private boolean readHead() {
        int headEnd = indexOfBlankLine(pending);
        if (headEnd < 0) {
            return false;
        }
        String head = pending.getString(0, headEnd, StandardCharsets.ISO_8859_1.name());
        status = Integer.parseInt(head.substring(9, 12));
        contentLength = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        if (contentLength < 0) {
            throw new IllegalStateException("a response without Content-Length: " + head);
        }
        bodyStart = headEnd + 4;
        return true;
    }

    private static int indexOfBlankLine(Buffer buffer) {
        for (int i = 0; i + 3 < buffer.length(); i++) {
            if (buffer.getByte(i) == '\r' && buffer.getByte(i + 1) == '\n' && buffer.getByte(i + 2) == '\r'
                    && buffer.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
