package io.sincro.agent.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;

/**
 * Where an order stands, as far as this station knows: its own steps (draft, submitted, sent) and
 * what the head office reported back with the last sync.
 *
 * @param reason           the head office's reason, for a rejected order (may be null)
 * @param expectedDelivery the delivery date the head office gave (may be null)
 * @param changedAt        when the status last changed (the order's creation until then)
 * @param meaning          the status in words, saying what happens next
 */
public record OrderStatusReport(
        OrderNumber number, String customerCode, String customerName, LocalDate orderDate, OrderStatus status,
        String reason, LocalDate expectedDelivery, Instant changedAt, String meaning) {

    public OrderStatusReport {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(meaning, "meaning");
    }

    static String meaningOf(OrderStatus status, String reason, LocalDate expectedDelivery) {
        return switch (status) {
            case DRAFT -> "being written at this station; submit it when complete";
            case SUBMITTED -> "checked and waiting in the outbound queue; it leaves at the next sync";
            case SENT -> "sent to the head office, which has not confirmed it yet";
            case RECEIVED -> "received by the head office, not yet confirmed";
            case ACCEPTED -> "accepted by the head office"
                    + (expectedDelivery == null ? "" : "; delivery expected on " + expectedDelivery);
            case REJECTED -> "rejected by the head office" + (reason == null || reason.isBlank() ? "" : ": " + reason);
            case SHIPPED -> "shipped" + (expectedDelivery == null ? "" : "; delivery expected on " + expectedDelivery);
        };
    }
}
