package io.sincro.db.orders;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An order's identity: its series (the agent's code, or HQ for orders entered at the head office)
 * and its number in that series, written A01/000042. It never changes through a sync.
 */
public record OrderNumber(String series, int number) implements Comparable<OrderNumber> {

    private static final Pattern TEXT = Pattern.compile("([A-Z0-9]{1,10})/(\\d{1,9})");

    public OrderNumber {
        Objects.requireNonNull(series, "series");
        if (number < 1) {
            throw new IllegalArgumentException("order numbers start at 1, not " + number);
        }
    }

    /** Reads A01/000042 (or A01/42). */
    public static OrderNumber parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an order number; write it as SERIES/NUMBER, such as A01/000042");
        }
        return new OrderNumber(m.group(1), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(OrderNumber other) {
        int bySeries = series.compareTo(other.series);
        return bySeries != 0 ? bySeries : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return series + "/" + String.format("%06d", number);
    }
}
