package io.sincro.format.rows;

import java.math.BigDecimal;
import java.util.Objects;

/** One {@code line} of an order: quantity, unit price and discount in percent. */
public record OrderLine(int lineNo, String productCode, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discount) {

    public OrderLine {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(discount, "discount");
    }
}
