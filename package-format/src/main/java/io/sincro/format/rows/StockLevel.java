package io.sincro.format.rows;

import java.math.BigDecimal;
import java.util.Objects;

/** A {@code stockLevel}: how much of a product the head office has available. */
public record StockLevel(String productCode, BigDecimal quantity) {

    public StockLevel {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(quantity, "quantity");
    }
}
