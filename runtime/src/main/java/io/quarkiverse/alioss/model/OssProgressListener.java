package io.quarkiverse.alioss.model;

/**
 * Told how far an upload has come. Called from I/O threads: keep it quick and never block.
 * <p>
 * For multipart uploads progress advances per completed part; {@code transferredBytes} never goes backwards, also
 * when a part is retried.
 */
@FunctionalInterface
public interface OssProgressListener {

    /**
     * @param transferredBytes bytes OSS has confirmed so far
     * @param totalBytes total size, {@code -1} while unknown (streams)
     */
    void onProgress(long transferredBytes, long totalBytes);

    OssProgressListener NONE = (transferred, total) -> {
    };
}
