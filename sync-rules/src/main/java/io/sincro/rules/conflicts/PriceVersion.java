package io.sincro.rules.conflicts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import io.sincro.db.prices.SpecialPrice;

/**
 * One version of a special price: a price and discount, or its deletion; when and by whom (HQ or
 * an agent's code) it was made.
 */
public record PriceVersion(BigDecimal price, BigDecimal discount, Instant updatedAt, String updatedBy, boolean deleted) {

    public PriceVersion {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (deleted != (price == null) || (price == null) != (discount == null)) {
            throw new IllegalArgumentException("a version is either a price with its discount or a deletion");
        }
    }

    public static PriceVersion of(SpecialPrice price) {
        return new PriceVersion(price.price(), price.discount(), price.updatedAt(), price.updatedBy(), false);
    }

    public static PriceVersion deletion(Instant at, String by) {
        return new PriceVersion(null, null, at, by, true);
    }

    /** Same price and discount (compared by value), or both deletions. */
    public boolean sameValueAs(PriceVersion other) {
        if (deleted || other.deleted) {
            return deleted == other.deleted;
        }
        return price.compareTo(other.price) == 0 && discount.compareTo(other.discount) == 0;
    }

    @Override
    public String toString() {
        return (deleted ? "deleted" : price.toPlainString() + " less " + discount.toPlainString() + "%")
                + " by " + updatedBy + " at " + updatedAt;
    }
}
