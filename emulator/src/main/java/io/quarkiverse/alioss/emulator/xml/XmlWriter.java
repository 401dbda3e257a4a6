package io.quarkiverse.alioss.emulator.xml;

import java.util.ArrayDeque;
import java.util.Deque;

import io.vertx.core.buffer.Buffer;

/** Builds the small XML documents OSS answers with, escaping text; one instance per response. */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder(256)
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text content; skipped when the value is null. */
    public XmlWriter element(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>');
            escape(String.valueOf(value));
            out.append("</").append(name).append('>');
        }
        return this;
    }

    public String toXml() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    public Buffer toBuffer() {
        return Buffer.buffer(toXml());
    }

    /** Text content only needs {@code < > &} escaped; quotes stay literal as OSS sends them ({@code "ETAG"}). */
    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
