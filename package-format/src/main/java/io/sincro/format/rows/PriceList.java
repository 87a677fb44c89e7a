package io.sincro.format.rows;

import java.util.Objects;

/** A {@code priceList}: a generic price list, the prices a customer pays when it has no special price. */
public record PriceList(String code, String description) {

    public PriceList {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }
}
