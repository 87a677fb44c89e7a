package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.util.Objects;

import io.sincro.db.orders.OrderLine;

/**
 * An order line with what a person needs to read it: the product's description and the line's
 * amount, quantity times price less discount, rounded to cents (the order total is the sum of the
 * rounded amounts, as on an invoice).
 */
public record PricedLine(OrderLine line, String productDescription, BigDecimal amount) {

    public PricedLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(amount, "amount");
    }

    static PricedLine of(OrderLine line, String productDescription) {
        return new PricedLine(line, productDescription, amountOf(line));
    }

    static BigDecimal amountOf(OrderLine line) {
        return line.amount();
    }
}
