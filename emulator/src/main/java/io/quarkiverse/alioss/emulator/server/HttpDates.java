package io.quarkiverse.alioss.emulator.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Date formats of OSS responses. */
final class HttpDates {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** OSS's listing timestamps always end in {@code .000Z}: it keeps whole seconds. */
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'").withZone(ZoneOffset.UTC);

    private static volatile Cached cached = new Cached(0, "");

    private record Cached(long second, String text) {
    }

    private HttpDates() {
    }

    /** The Date header for now, formatted at most once per second. */
    static String now(Instant now) {
        long second = now.getEpochSecond();
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, RFC_1123.format(now));
            cached = c;
        }
        return c.text;
    }

    static String rfc1123(Instant instant) {
        return RFC_1123.format(instant);
    }

    static String iso(Instant instant) {
        return ISO_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
