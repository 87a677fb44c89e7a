package io.sincro.db.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/** A product of the catalog; a withdrawn product stays, inactive, so old orders keep their lines. */
public record Product(String code, String description, String unit, BigDecimal vatRate, boolean active) {

    public Product {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(vatRate, "vatRate");
    }

    /** Equal data, with amounts compared by value (22.0 and 22.00 are the same rate). */
    public boolean sameAs(Product other) {
        return code.equals(other.code) && description.equals(other.description) && unit.equals(other.unit)
                && vatRate.compareTo(other.vatRate) == 0 && active == other.active;
    }
}
