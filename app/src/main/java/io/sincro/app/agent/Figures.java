package io.sincro.app.agent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the agent's commands print figures: amounts with two decimals, unit prices with two to four
 * (a screw may cost 0.0125), quantities and percentages without trailing zeros, and the station's
 * currency from the settings beside amounts, or in the column header of a listing. Public because
 * the commands of both roles that show prices ({@code sincro conflicts}) print them the same way.
 */
public final class Figures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String currency;

    public Figures(String currency) {
        this.currency = currency;
    }

    String currency() {
        return currency;
    }

    /** A column header for amounts, such as "total EUR". */
    String header(String name) {
        return name + " " + currency;
    }

    String amount(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    String money(BigDecimal value) {
        return amount(value) + " " + currency;
    }

    String price(BigDecimal value) {
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
}
