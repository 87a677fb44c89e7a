package io.sincro.format.xml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times and dates as the package writes them (ISO 8601, always with a zone) and reads them back.
 * The schema has checked their shape before these run, so a parse error here means a package that
 * skipped validation.
 */
final class XmlValues {

    private XmlValues() {
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a time with a zone, such as 2026-03-02T08:00:00Z", e);
        }
    }

    static String clock(OffsetDateTime reading) {
        // always with seconds, which OffsetDateTime.toString() leaves out when they are zero
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(reading);
    }

    static OffsetDateTime clock(String text, String what) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a time with a zone, such as 2026-03-02T08:00:00Z", e);
        }
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a date such as 2026-03-02", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
