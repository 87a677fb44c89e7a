package io.sincro.format.rows;

import java.math.BigDecimal;
import java.util.Objects;

/** A {@code priceListRow}: the price of one product in one generic price list. */
public record PriceListRow(String priceListCode, String productCode, BigDecimal price) {

    public PriceListRow {
        Objects.requireNonNull(priceListCode, "priceListCode");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(price, "price");
    }
}
