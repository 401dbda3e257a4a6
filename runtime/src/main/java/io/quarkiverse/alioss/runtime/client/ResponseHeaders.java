package io.quarkiverse.alioss.runtime.client;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** Small parsers for OSS response header values. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** ETag without the surrounding quotes; null stays null. */
    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String trimmed = etag.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** {@code x-oss-hash-crc64ecma} is an unsigned decimal; null when absent. */
    static Long crc64(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static OptionalLong optionalCrc64(String value) {
        Long crc = crc64(value);
        return crc == null ? OptionalLong.empty() : OptionalLong.of(crc);
    }

    static Optional<Instant> httpDate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Instant isoInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
