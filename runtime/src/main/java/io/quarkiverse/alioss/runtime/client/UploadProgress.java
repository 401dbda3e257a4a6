package io.quarkiverse.alioss.runtime.client;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.model.OssProgressListener;

/** Sums confirmed bytes and tells the listener; a failing listener is logged, never fails the upload. */
final class UploadProgress {

    private static final Logger LOG = Logger.getLogger(UploadProgress.class);

    private final OssProgressListener listener;
    private final AtomicLong transferred = new AtomicLong();
    private volatile long total;

    UploadProgress(OssProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    void confirmed(long bytes) {
        report(transferred.addAndGet(bytes));
    }

    /** The stream ended: the total is now known. */
    void finished() {
        total = transferred.get();
        report(total);
    }

    private void report(long value) {
        try {
            listener.onProgress(value, total);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Progress listener failed; the upload goes on");
        }
    }
}
