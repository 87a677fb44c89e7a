package io.sincro.db.orders;

import java.util.List;
import java.util.Objects;

/** An order with its lines, to be inserted together ({@link Orders#insertAll}). */
public record OrderWithLines(Order order, List<OrderLine> lines) {

    public OrderWithLines {
        Objects.requireNonNull(order, "order");
        lines = List.copyOf(lines);
    }
}
