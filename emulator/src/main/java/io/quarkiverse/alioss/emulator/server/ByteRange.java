package io.quarkiverse.alioss.emulator.server;

/** A single {@code Range: bytes=...} request resolved against an object size. */
record ByteRange(long start, long end) {

    long length() {
        return end - start + 1;
    }

    /** Sentinel: the range starts beyond the object (416). */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -2);

    /**
     * @return null when there is no usable range (absent or malformed: OSS then sends the whole object), or
     *         {@link #UNSATISFIABLE}
     */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    return null;
                }
                return size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(from);
            long end = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (start < 0 || (!to.isEmpty() && Long.parseLong(to) < start)) {
                return null;
            }
            return start >= size ? UNSATISFIABLE : new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
