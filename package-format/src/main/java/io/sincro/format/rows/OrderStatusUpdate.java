package io.sincro.format.rows;

import java.util.Objects;

/** An {@code orderStatus}: what the head office tells an agent about one of its orders, and why. */
public record OrderStatusUpdate(OrderNumber number, OrderStatus status, String reason) {

    public OrderStatusUpdate {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
    }
}
