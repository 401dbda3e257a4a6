package io.quarkiverse.alioss.runtime.client;

/**
 * Builds the few small XML request bodies OSS needs (CompleteMultipartUpload, DeleteMultipleObjects). Only element text
 * is written, so quotes stay literal (ETags keep their {@code "}).
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

    XmlWriter open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    XmlWriter close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    XmlWriter element(String name, String value) {
        open(name);
        escape(name, value);
        return close(name);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void escape(String element, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        throw new IllegalArgumentException("Character U+" + Integer.toHexString(c)
                                + " cannot be written to XML (in <" + element + ">)");
                    }
                    out.append(c);
                }
            }
        }
    }
}
