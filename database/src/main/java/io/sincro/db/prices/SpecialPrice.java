package io.sincro.db.prices;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's own price for a product, with the discount in percent. {@code updatedAt} and
 * {@code updatedBy} (HQ or the agent's code) decide which edit wins when both sides changed it.
 */
public record SpecialPrice(
        String customerCode, String productCode, BigDecimal price, BigDecimal discount,
        Instant updatedAt, String updatedBy) {

    public SpecialPrice {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** Same price and discount, compared by value. */
    public boolean samePriceAs(SpecialPrice other) {
        return price.compareTo(other.price) == 0 && discount.compareTo(other.discount) == 0;
    }
}
