package io.sincro.agent.customers;

import java.util.Objects;

import io.sincro.db.prices.SpecialPrice;

/** A customer's special price with the product's description, for reading. */
public record SpecialPriceLine(SpecialPrice price, String productDescription) {

    public SpecialPriceLine {
        Objects.requireNonNull(price, "price");
    }
}
