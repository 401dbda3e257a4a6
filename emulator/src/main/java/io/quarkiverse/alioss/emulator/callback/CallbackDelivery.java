package io.quarkiverse.alioss.emulator.callback;

import java.time.Instant;

import io.vertx.core.buffer.Buffer;

/**
 * One signed callback request the emulator sent, and how the application answered it: what a test looks at after an
 * upload to see what its application was told.
 *
 * @param sentAt when the request was sent
 * @param url the URL as the callback named it
 * @param contentType the {@code Content-Type} sent
 * @param body the body sent, byte for byte
 * @param status the application's HTTP status, -1 when it did not answer (refused connection, timeout)
 * @param replyContentType the reply's {@code Content-Type}, null when none or not read
 * @param reply the reply body, null when it was not read (OSS stops reading a refused reply)
 * @param failure null when the callback succeeded; else why, in OSS's words (the {@code CallbackFailed} message)
 */
public record CallbackDelivery(Instant sentAt, String url, String contentType, Buffer body, int status,
        String replyContentType, Buffer reply, String failure) {

    /** Whether the application's answer was one OSS accepts (for a raw request: whether it answered at all). */
    public boolean succeeded() {
        return failure == null;
    }
}
