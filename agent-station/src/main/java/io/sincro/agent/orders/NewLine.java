package io.sincro.agent.orders;

import java.math.BigDecimal;

/**
 * A line the agent wants to add. Without a price, the customer's effective price (and its
 * discount) fills it in; a discount given alone replaces the effective discount.
 */
public record NewLine(String productCode, BigDecimal quantity, BigDecimal price, BigDecimal discount) {

    public static NewLine of(String productCode, BigDecimal quantity) {
        return new NewLine(productCode, quantity, null, null);
    }

    public static NewLine of(String productCode, String quantity) {
        return of(productCode, new BigDecimal(quantity));
    }

    public NewLine withPrice(BigDecimal unitPrice) {
        return new NewLine(productCode, quantity, unitPrice, discount);
    }

    public NewLine withDiscount(BigDecimal percent) {
        return new NewLine(productCode, quantity, price, percent);
    }
}
