package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.util.Objects;

import io.sincro.db.orders.Order;

/** One order in a list: its header, its customer's name, how many lines and its total. */
public record OrderSummary(Order order, String customerName, int lineCount, BigDecimal total) {

    public OrderSummary {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(total, "total");
    }
}
