package io.sincro.app.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the commands print figures: amounts with two decimals, unit prices with two to four (a screw
 * may cost 0.0125), quantities and percentages without trailing zeros, times in UTC, and the
 * station's currency from the settings beside amounts, or in the column header of a listing.
 */
public final class Figures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private final String currency;

    public Figures(String currency) {
        this.currency = currency;
    }

    /** A column header for amounts, such as "total EUR". */
    public String header(String name) {
        return name + " " + currency;
    }

    public String amount(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public String money(BigDecimal value) {
        return amount(value) + " " + currency;
    }

    public String price(BigDecimal value) {
        if (value == null) {
            return "";
        }
        int decimals = Math.max(2, Math.min(4, value.stripTrailingZeros().scale()));
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    public String priceMoney(BigDecimal value) {
        return price(value) + " " + currency;
    }

    public static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A time as people read it at the station: in its zone, with the zone (2026-03-02 09:00 CET). */
    public static String time(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        return MINUTES.format(at) + " " + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE_NAME.format(at));
    }
}
