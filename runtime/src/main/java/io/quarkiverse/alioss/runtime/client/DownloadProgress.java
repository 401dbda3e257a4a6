package io.quarkiverse.alioss.runtime.client;

import io.quarkiverse.alioss.model.OssProgressListener;

/**
 * Tells a download's listener how many bytes arrived: per attempt from its response's {@code Content-Length}, and
 * never backwards, since a retried attempt starts again from its first byte.
 */
final class DownloadProgress {

    private final OssProgressListener listener;
    private volatile long total = -1;
    private long received;
    private long reported;

    DownloadProgress(OssProgressListener listener) {
        this.listener = listener;
    }

    /** A response arrived; its body follows. */
    void attempt(String contentLength) {
        received = 0;
        try {
            total = contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            total = -1;
        }
    }

    void received(int bytes) {
        received += bytes;
        if (received > reported) {
            reported = received;
            listener.onProgress(received, total);
        }
    }
}
