package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.sincro.db.orders.Order;

/** An order with its customer's name, its lines and its total (the sum of the line amounts). */
public record OrderDetails(Order order, String customerName, List<PricedLine> lines, BigDecimal total) {

    public OrderDetails {
        Objects.requireNonNull(order, "order");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
    }

    static OrderDetails of(Order order, String customerName, List<PricedLine> lines) {
        BigDecimal total = lines.stream().map(PricedLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new OrderDetails(order, customerName, lines, total);
    }
}
