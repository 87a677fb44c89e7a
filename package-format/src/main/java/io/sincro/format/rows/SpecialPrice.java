package io.sincro.format.rows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code specialPrice}: a customer's own price for a product, with its discount in percent, and
 * the stamp that decides which edit wins when both sides changed it ({@code updatedBy} is HQ or the
 * agent's code).
 */
public record SpecialPrice(String customerCode, String productCode, BigDecimal price, BigDecimal discount,
                           Instant updatedAt, String updatedBy) {

    public SpecialPrice {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
