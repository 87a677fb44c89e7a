package io.sincro.format.rows;

import java.time.Instant;
import java.util.Objects;

import io.sincro.format.Entity;

/**
 * A row deleted at the sender, by key: a customer ({@code key} = its code), a price list row (its
 * list and product), a stock level (its product) or a special price (its customer and product).
 * {@code deletedAt} and {@code deletedBy} matter for special prices, where a deletion competes with
 * edits made on the other side.
 */
public record Deletion(Entity entity, String key, String secondKey, Instant deletedAt, String deletedBy) {

    public Deletion {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(deletedBy, "deletedBy");
        if (!entity.hasDeletions()) {
            throw new IllegalArgumentException(entity.section() + " are never deleted, so a package cannot carry their deletion");
        }
        boolean twoPartKey = entity == Entity.PRICE_LIST_ROWS || entity == Entity.SPECIAL_PRICES;
        if (twoPartKey != (secondKey != null)) {
            throw new IllegalArgumentException("the deletion of a row of " + entity.section() + " needs "
                    + (twoPartKey ? "two" : "one") + " key part(s)");
        }
    }

    @Override
    public String toString() {
        return entity.section() + " " + key + (secondKey == null ? "" : "/" + secondKey);
    }
}
