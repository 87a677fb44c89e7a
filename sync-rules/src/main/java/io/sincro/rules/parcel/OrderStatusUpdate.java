package io.sincro.rules.parcel;

import java.util.Objects;

import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;

/** What the head office tells an agent about one of its orders: its status and why. */
public record OrderStatusUpdate(OrderNumber number, OrderStatus status, String reason) {

    public OrderStatusUpdate {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
    }
}
