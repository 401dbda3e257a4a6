package io.quarkiverse.alioss.emulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.buffer.Buffer;

/**
 * The fields of a PostObject form ({@code multipart/form-data}), read from the raw request bytes up to the file part,
 * which OSS requires to come last. Netty's form decoder keeps a carriage return at the end of a field's value when a
 * read ends right after the CRLF that precedes the next boundary, so the signature, the policy or the key would differ
 * from what the browser sent depending on how the bytes arrived; these fields are read here instead, exactly as sent.
 */
final class FormFieldReader {

    private final byte[] delimiter;
    private final int maxBytes;
    private final Buffer head = Buffer.buffer();
    private boolean fileReached;
    private boolean tooLarge;

    /**
     * @param boundary the multipart boundary of the request's Content-Type
     * @param maxBytes the most bytes the fields may take before the file part
     */
    FormFieldReader(String boundary, int maxBytes) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxBytes = maxBytes;
    }

    /** The boundary parameter of a multipart Content-Type, or null. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length());
                return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    /** Takes the next raw bytes of the request; ignores them once the file part has begun. */
    void accept(Buffer chunk) {
        if (fileReached || tooLarge) {
            return;
        }
        head.appendBuffer(chunk);
        fileReached = fileHeaderSeen();
        if (!fileReached && head.length() > maxBytes) {
            tooLarge = true;
        }
    }

    /** Whether the fields before the file part took more than the limit. */
    boolean tooLarge() {
        return tooLarge;
    }

    /** The fields before the file part, names as sent, values decoded as UTF-8; the first occurrence wins. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] bytes = ("\r\n" + head.toString(StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        List<int[]> parts = parts(bytes);
        for (int[] part : parts) {
            int headersEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), part[0], part[1]);
            if (headersEnd < 0) {
                continue;
            }
            String headers = new String(bytes, part[0], headersEnd - part[0], StandardCharsets.UTF_8);
            if (parameter(headers, "filename") != null) {
                break; // the file part: everything after it is content
            }
            String name = parameter(headers, "name");
            if (name != null) {
                String value = new String(bytes, headersEnd + 4, part[1] - headersEnd - 4, StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        }
        return fields;
    }

    /** The [start, end) ranges between delimiters whose end is known, i.e. complete parts. */
    private List<int[]> parts(byte[] bytes) {
        List<int[]> parts = new ArrayList<>();
        int at = indexOf(bytes, delimiter, 0, bytes.length);
        while (at >= 0) {
            int start = at + delimiter.length;
            int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.ISO_8859_1), start, bytes.length);
            if (lineEnd < 0) {
                break;
            }
            int next = indexOf(bytes, delimiter, lineEnd, bytes.length);
            int end = next < 0 ? bytes.length : next;
            parts.add(new int[] { lineEnd + 2, end });
            at = next;
        }
        return parts;
    }

    /** Whether the headers of a part with a {@code filename} (the file) have arrived in full. */
    private boolean fileHeaderSeen() {
        byte[] bytes = ("\r\n" + head.toString(StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        for (int[] part : parts(bytes)) {
            int headersEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), part[0], part[1]);
            if (headersEnd >= 0 && parameter(new String(bytes, part[0], headersEnd - part[0],
                    StandardCharsets.UTF_8), "filename") != null) {
                return true;
            }
        }
        return false;
    }

    /** A parameter of the Content-Disposition header in a part's headers, or null. */
    private static String parameter(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String parameter : line.substring(line.indexOf(':') + 1).split(";")) {
                String trimmed = parameter.trim();
                int eq = trimmed.indexOf('=');
                if (eq > 0 && trimmed.substring(0, eq).trim().equalsIgnoreCase(name)) {
                    String value = trimmed.substring(eq + 1).trim();
                    return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1)
                            : value;
                }
            }
        }
        return null;
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from, int to) {
        outer: for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
