package io.sincro.format.rows;

import java.math.BigDecimal;
import java.util.Objects;

/** A {@code product} of the catalog; a withdrawn product travels inactive, it is never deleted. */
public record Product(String code, String description, String unit, BigDecimal vatRate, boolean active) {

    public Product {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(vatRate, "vatRate");
    }
}
