package io.sincro.db.catalog;

import java.util.Objects;

/** A generic price list: the prices a customer pays when it has no special price for a product. */
public record PriceList(String code, String description) {

    public PriceList {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
    }
}
