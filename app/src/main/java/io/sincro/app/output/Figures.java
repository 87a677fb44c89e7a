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
 * may cost 0.0125), quantities and percentages without trailing zeros, times in the station's zone
 * with the zone, counts with their noun in the right number (1 order, 2 orders), and the station's
 * currency from the settings beside amounts, or in the column header of a listing.
 */
public final class Figures {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
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

    /**
     * A time as people read it at the station: in the station's zone (its clock's), with the zone,
     * as in 2026-03-02 09:00 CET; every time a command shows goes through here.
     */
    public static String time(Instant instant, ZoneId zone) {
        return format(MINUTES, instant, zone);
    }

    /** {@link #time}, to the second: 2026-03-02 09:00:41 CET. */
    public static String seconds(Instant instant, ZoneId zone) {
        return format(SECONDS, instant, zone);
    }

    /** A count with its noun, singular for one: "1 order", "2 orders", "0 orders". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String format(DateTimeFormatter pattern, Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        return pattern.format(at) + " " + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE_NAME.format(at));
    }
}
