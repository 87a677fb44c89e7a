package io.sincro.format.rows;

import java.util.Objects;

/**
 * An order's identity as it travels: its series (the agent's code) and its number in that series,
 * written A01/000042. Neither side ever changes it.
 */
public record OrderNumber(String series, int number) {

    public OrderNumber {
        Objects.requireNonNull(series, "series");
        if (number < 1) {
            throw new IllegalArgumentException("order numbers start at 1, not " + number);
        }
    }

    @Override
    public String toString() {
        return series + "/" + String.format("%06d", number);
    }
}
