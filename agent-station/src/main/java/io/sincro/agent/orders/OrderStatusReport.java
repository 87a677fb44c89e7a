package io.sincro.agent.orders;

import java.time.LocalDate;
import java.util.Objects;

import io.sincro.db.orders.StatusChange;

/**
 * Where an order stands, as far as this station knows: its own steps (draft, submitted, sent) and
 * what the head office reported back with the last sync.
 *
 * @param status  the status as it was last set: reason, expected delivery, when and by whom (the
 *                head office's own time, for what it reported)
 * @param meaning the status in words, saying what happens next
 */
public record OrderStatusReport(StatusChange status, String customerCode, String customerName, LocalDate orderDate,
        String meaning) {

    public OrderStatusReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(meaning, "meaning");
    }

    static String meaningOf(StatusChange status) {
        String reason = status.reason();
        LocalDate expected = status.expectedDelivery();
        String delivery = expected == null ? "" : "; delivery expected on " + expected;
        return switch (status.status()) {
            case DRAFT -> "being written at this station; submit it when complete";
            case SUBMITTED -> "checked and waiting in the outbound queue; it leaves at the next sync";
            case SENT -> "sent to the head office, which has not confirmed it yet";
            case RECEIVED -> "received by the head office, not yet confirmed" + note(reason);
            case ACCEPTED -> "accepted by the head office" + delivery + note(reason);
            case REJECTED -> "rejected by the head office" + (reason == null ? "" : ": " + reason);
            case SHIPPED -> "shipped" + delivery + note(reason);
        };
    }

    private static String note(String reason) {
        return reason == null ? "" : "; the head office notes: " + reason;
    }
}
