package io.sincro.db.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/** The price of one product in one generic price list. */
public record PriceListRow(String priceListCode, String productCode, BigDecimal price) {

    public PriceListRow {
        Objects.requireNonNull(priceListCode, "priceListCode");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(price, "price");
    }
}
