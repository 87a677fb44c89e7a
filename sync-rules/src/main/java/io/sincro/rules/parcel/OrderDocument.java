package io.sincro.rules.parcel;

import java.util.List;
import java.util.Objects;

import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;

/** An order as it travels: its header and its lines. */
public record OrderDocument(Order order, List<OrderLine> lines) {

    public OrderDocument {
        Objects.requireNonNull(order, "order");
        lines = List.copyOf(lines);
    }
}
