package io.quarkiverse.alioss.runtime.signing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one spelling of the {@code Date} header the client sends and V1 signs: RFC 7231's IMF-fixdate, with a two-digit
 * day ({@code DateTimeFormatter.RFC_1123_DATE_TIME} writes {@code Wed, 2 Dec 2026}, which HTTP does not allow).
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static String format(Instant time) {
        return IMF_FIXDATE.format(time);
    }
}
