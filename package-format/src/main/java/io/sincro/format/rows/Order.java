package io.sincro.format.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** An {@code order} with its lines, as an agent sends it to the head office. */
public record Order(
        OrderNumber number,
        String agentCode,
        String customerCode,
        OrderStatus status,
        LocalDate orderDate,
        LocalDate deliveryDate,
        String notes,
        Instant createdAt,
        List<OrderLine> lines) {

    public Order {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(agentCode, "agentCode");
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = List.copyOf(lines);
    }
}
