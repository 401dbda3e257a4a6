package io.quarkiverse.alioss.callback;

/**
 * Image information OSS reports for an uploaded image ({@code imageInfo.*} system variables).
 *
 * @param width pixels
 * @param height pixels
 * @param format as OSS reports it, e.g. {@code jpg}, {@code png}
 */
public record ImageInfo(int width, int height, String format) {
}
