package io.quarkiverse.alioss.emulator.image;

/** Turns raw header dimensions into an ImageInfo, refusing zero or absurd sizes as unparseable. */
final class Dimensions {

    private Dimensions() {
    }

    static ImageInfo of(long width, long height, String format) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return null;
        }
        return new ImageInfo((int) width, (int) height, format);
    }
}
