package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.util.Objects;

import io.sincro.db.orders.OrderNumber;

/**
 * A line asking for more than the stock the head office last published: said before submitting,
 * never a refusal.
 */
public record StockWarning(OrderNumber order, int lineNo, String productCode, BigDecimal quantity, BigDecimal stock) {

    public StockWarning {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(stock, "stock");
    }

    /** The warning as the command line says it. */
    public String sentence() {
        return "line " + lineNo + ": " + plain(quantity) + " of " + productCode + " asked, " + plain(stock)
                + " in stock; the head office may deliver less or later";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
