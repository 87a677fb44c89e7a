package io.sincro.web.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Figures as people read them in the page's language: 1.234,50 € in Italian, €1,234.50 in English;
 * unit prices with two to four decimals, quantities without trailing zeros, dates and times in the
 * station's zone.
 */
public final class Figures {

    private final Locale locale;
    private final Currency currency;
    private final ZoneId zone;

    Figures(Locale locale, String currencyCode, ZoneId zone) {
        this.locale = locale;
        this.currency = Currency.getInstance(currencyCode);
        this.zone = zone;
    }

    public String money(BigDecimal value) {
        return value == null ? "" : moneyFormat(2).format(value.setScale(2, RoundingMode.HALF_UP));
    }

    /** A unit price: two to four decimals, as a screw may cost 0,0125 €. */
    public String price(BigDecimal value) {
        if (value == null) {
            return "";
        }
        int decimals = Math.max(2, Math.min(4, value.stripTrailingZeros().scale()));
        return moneyFormat(decimals).format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** A quantity or a percentage: as many decimals as it has, none trailing. */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value.stripTrailingZeros());
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public String time(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .withZone(zone).format(instant);
    }

    /** A duration in seconds with one decimal: 2,4 in Italian. */
    public String seconds(Duration duration) {
        return number(BigDecimal.valueOf(duration.toMillis(), 3).setScale(1, RoundingMode.HALF_UP));
    }

    /** A size in bytes, kB or MB. */
    public String bytes(long bytes) {
        return bytes < 10_000 ? number(bytes) + " B" : bytes < 10_000_000 ? number(bytes / 1000) + " kB"
                : number(bytes / 1_000_000) + " MB";
    }

    private NumberFormat moneyFormat(int decimals) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format;
    }
}
