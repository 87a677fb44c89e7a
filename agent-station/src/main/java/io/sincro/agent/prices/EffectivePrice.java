package io.sincro.agent.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * What a customer pays for a product and where that comes from: the customer's special price when
 * it has one, else its generic price list, else nothing.
 *
 * @param priceListCode the customer's generic price list (null when it has none), also when the
 *                      price is a special one or missing, so a missing price can be explained
 * @param updatedAt     for a special price, when it was last edited (null otherwise)
 * @param updatedBy     for a special price, who edited it: HQ or an agent's code (null otherwise)
 */
public record EffectivePrice(
        String customerCode, String productCode, Source source, BigDecimal price, BigDecimal discount,
        String priceListCode, Instant updatedAt, String updatedBy) {

    /** Where a price comes from, in the order they are tried. */
    public enum Source {
        SPECIAL_PRICE, PRICE_LIST, NONE
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public EffectivePrice {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(source, "source");
        if ((source == Source.NONE) != (price == null)) {
            throw new IllegalArgumentException("a price is present exactly when its source is not NONE");
        }
        if (price != null && discount == null) {
            discount = BigDecimal.ZERO;
        }
    }

    static EffectivePrice none(String customerCode, String productCode, String priceListCode) {
        return new EffectivePrice(customerCode, productCode, Source.NONE, null, null, priceListCode, null, null);
    }

    public boolean found() {
        return source != Source.NONE;
    }

    /** The price after the discount, to 4 decimals like the prices themselves; null when none. */
    public BigDecimal netPrice() {
        if (price == null) {
            return null;
        }
        return price.multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 4, RoundingMode.HALF_UP);
    }

    /** Why there is no price, as a sentence part; empty when there is one. */
    public String missingReason() {
        if (found()) {
            return "";
        }
        if (priceListCode == null) {
            return "customer " + customerCode + " has no special price for " + productCode + " and no generic price list";
        }
        return "customer " + customerCode + " has no special price for " + productCode + ", and its price list "
                + priceListCode + " has no price for it";
    }
}
