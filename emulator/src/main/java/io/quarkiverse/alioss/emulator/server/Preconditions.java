package io.quarkiverse.alioss.emulator.server;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.quarkiverse.alioss.emulator.store.StoredObject;

/**
 * The conditional headers of GetObject and HeadObject (RFC 7232 order): If-Match and If-Unmodified-Since fail with
 * 412 PreconditionFailed, If-None-Match and If-Modified-Since answer 304 Not Modified. Times compare in whole seconds,
 * the precision of Last-Modified. A date that does not parse is ignored, as HTTP servers do.
 */
final class Preconditions {

    /** What the conditions decide. */
    enum Outcome {
        PROCEED,
        NOT_MODIFIED
    }

    private Preconditions() {
    }

    /** @throws OssError 412 PreconditionFailed naming the condition that did not hold */
    static Outcome evaluate(OssExchange ex, StoredObject object) {
        String etag = object.etag();
        Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = ex.header("If-Match");
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                throw failed("If-Match");
            }
        } else {
            Instant since = date(ex.header("If-Unmodified-Since"));
            if (since != null && modified.isAfter(since)) {
                throw failed("If-Unmodified-Since");
            }
        }
        String ifNoneMatch = ex.header("If-None-Match");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        Instant since = date(ex.header("If-Modified-Since"));
        return since != null && !modified.isAfter(since) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
    }

    /** Whether a list of entity tags (or {@code *}) contains the object's. */
    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || ObjectHeaders.unquoted(tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Instant date(String header) {
        if (header == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OssError failed(String condition) {
        return new OssError(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold.")
                .with("Condition", condition);
    }
}
