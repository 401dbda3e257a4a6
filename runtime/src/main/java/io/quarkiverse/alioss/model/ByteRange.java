package io.quarkiverse.alioss.model;

/**
 * A byte range of a GET: {@code bytes=first-last}, {@code bytes=first-} or the last {@code n} bytes.
 *
 * @param first first byte (inclusive), {@code -1} for a suffix range
 * @param last last byte (inclusive), {@code -1} for "to the end"
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 && last < 1) {
            throw new IllegalArgumentException("A suffix range needs a positive length, got " + last);
        }
        if (first >= 0 && last >= 0 && last < first) {
            throw new IllegalArgumentException("Range end " + last + " is before its start " + first);
        }
    }

    /** Bytes {@code first} to {@code last}, both inclusive. */
    public static ByteRange of(long first, long last) {
        return new ByteRange(first, last);
    }

    /** From {@code first} to the end. */
    public static ByteRange from(long first) {
        return new ByteRange(first, -1);
    }

    /** The last {@code length} bytes. */
    public static ByteRange lastBytes(long length) {
        return new ByteRange(-1, length);
    }

    /** The value of the {@code Range} header. */
    public String toHeader() {
        if (first < 0) {
            return "bytes=-" + last;
        }
        return "bytes=" + first + "-" + (last < 0 ? "" : Long.toString(last));
    }
}
