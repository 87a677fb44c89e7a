package io.sincro.rules.flow;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The bounds every arriving value must keep, whoever sent it: a package breaking one is refused,
 * naming the row and the bound (settings {@code sync.maxQuantity}, {@code sync.maxPrice},
 * {@code sync.futureToleranceHours}, {@code sync.maxOrdersPerPackage}, {@code sync.maxLinesPerPackage}).
 * The tolerance for stamps is wider than the clock difference the sync warns of
 * ({@code sync.clockToleranceMinutes}): a laptop whose clock is an hour off is reported, and its
 * packages still go in; a stamp days ahead (the year 9999) would win every later "most recent wins"
 * comparison for ever, so it is refused.
 *
 * @param maxQuantity     an order line's quantity is above 0 and at most this
 * @param maxPrice        prices (order lines, special prices, price lists) are 0 or more and at most this
 * @param clockTolerance  no time in a package may be later than the receiver's clock plus this
 * @param maxOrders       orders one package may carry
 * @param maxLines        order lines one package may carry, all its orders together
 */
public record ValueLimits(BigDecimal maxQuantity, BigDecimal maxPrice, Duration clockTolerance, int maxOrders,
                          int maxLines) {

    /** Discounts are percentages: 0 to 100. */
    static final BigDecimal MAX_DISCOUNT = new BigDecimal("100");

    public ValueLimits {
        Objects.requireNonNull(maxQuantity, "maxQuantity");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        if (maxQuantity.signum() <= 0 || maxPrice.signum() <= 0 || clockTolerance.isNegative() || maxOrders < 1
                || maxLines < 1) {
            throw new IllegalArgumentException("value limits must be above 0 (a clock tolerance 0 or more)");
        }
    }

    /** A million of a product per line, ten million per price, 48 hours, 1,000 orders and 20,000 lines per package. */
    public static ValueLimits defaults() {
        return new ValueLimits(new BigDecimal("1000000"), new BigDecimal("10000000"), Duration.ofHours(48), 1000,
                20000);
    }
}
