package io.quarkiverse.alioss.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a download to a file or a stream: a byte range and a progress listener. Immutable; each option method
 * returns a copy.
 *
 * @param range the bytes to read; empty for the whole object
 * @param progressListener told the bytes received so far and the download's size (its {@code Content-Length}, {@code -1}
 *        when OSS sends none), after each chunk; never backwards, also when an attempt is retried
 */
public record DownloadOptions(Optional<ByteRange> range, OssProgressListener progressListener) {

    /** The whole object, no listener. */
    public static final DownloadOptions DEFAULTS = new DownloadOptions(Optional.empty(), OssProgressListener.NONE);

    public DownloadOptions {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(progressListener, "progressListener");
    }

    public static DownloadOptions defaults() {
        return DEFAULTS;
    }

    public DownloadOptions range(ByteRange value) {
        return new DownloadOptions(Optional.ofNullable(value), progressListener);
    }

    public DownloadOptions progressListener(OssProgressListener listener) {
        return new DownloadOptions(range, listener == null ? OssProgressListener.NONE : listener);
    }
}
