package io.sincro.db.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import io.sincro.db.Origin;

/**
 * An order's header; its lines are read separately, and the whole of its status (reason, expected
 * delivery, when and by whom) is a {@link StatusChange}.
 */
public record Order(
        OrderNumber number,
        String agentCode,
        String customerCode,
        Origin origin,
        OrderStatus status,
        LocalDate orderDate,
        LocalDate deliveryDate,
        String notes,
        Instant createdAt) {

    public Order {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
