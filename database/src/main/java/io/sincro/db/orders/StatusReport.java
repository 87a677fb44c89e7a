package io.sincro.db.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the head office reports about an order, and what travels back to the agent: its status, the
 * reason (of a rejection, say), the expected delivery of a shipped order, and when it was set.
 */
public record StatusReport(OrderNumber number, OrderStatus status, String reason, LocalDate expectedDelivery,
        Instant changedAt) {

    public StatusReport {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
