package io.sincro.agent.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.sincro.db.catalog.Product;

/**
 * A product's availability as the head office last reported it.
 *
 * @param quantity  null when the head office never reported stock for the product
 * @param updatedAt when the head office last changed that figure (null with the quantity); how old
 *                  the figure is matters to an agent promising a delivery
 */
public record ProductStock(Product product, BigDecimal quantity, Instant updatedAt) {

    public ProductStock {
        Objects.requireNonNull(product, "product");
    }

    public boolean known() {
        return quantity != null;
    }
}
