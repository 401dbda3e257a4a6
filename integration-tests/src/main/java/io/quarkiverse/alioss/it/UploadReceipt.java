package io.quarkiverse.alioss.it;

/**
 * What the demo's callback method answers to OSS, which relays it to the uploader: the browser for a form upload, the
 * application for a server-side one.
 *
 * @param object the object key
 * @param size bytes stored
 * @param contentType the content type OSS stored
 * @param width image width in pixels, null when the file is not an image
 * @param height image height in pixels, null when the file is not an image
 * @param format image format as OSS reports it (e.g. {@code png}), null when the file is not an image
 * @param source the custom variable {@code x:source}: who uploaded ({@code browser} or {@code server})
 * @param operation the OSS operation that stored the object, e.g. {@code PostObject}
 */
public record UploadReceipt(String object, long size, String contentType, Integer width, Integer height,
        String format, String source, String operation) {
}
