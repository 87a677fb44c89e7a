package io.sincro.db.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One line of an order: quantity, unit price and discount in percent. */
public record OrderLine(int lineNo, String productCode, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public OrderLine {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(discount, "discount");
    }

    /**
     * The line's amount: quantity times price less discount, rounded to cents (an order's total is
     * the sum of the rounded amounts, as on an invoice).
     */
    public BigDecimal amount() {
        return quantity.multiply(unitPrice).multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
