package io.sincro.db.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import io.sincro.db.Origin;
import io.sincro.db.Station;

/**
 * An order's status as it was last set: stored with the order, shown to the agent and carried
 * back to it by the sync, all in this one shape.
 *
 * @param reason           why (a rejection's reason, a note on a shipment); null when none (a blank one
 *                         is none)
 * @param expectedDelivery when the goods should arrive, as the head office says; may be null
 * @param changedAt        when the status was set, by the clock of the side that set it
 * @param changedBy        who set it: {@code HQ} or the agent's code
 */
public record StatusChange(OrderNumber number, OrderStatus status, String reason, LocalDate expectedDelivery,
        Instant changedAt, String changedBy) {

    public StatusChange {
        Objects.requireNonNull(number, "number");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changedBy, "changedBy");
    }

    /** The status an order is created in: set when it was created, by the side that sets that status. */
    static StatusChange first(Order order) {
        String by = order.status().setBy() == Origin.HEAD_OFFICE ? Station.HEAD_OFFICE_SERIES : order.number().series();
        return new StatusChange(order.number(), order.status(), null, null, order.createdAt(), by);
    }

    /** The side that set it. */
    public Origin side() {
        return Station.HEAD_OFFICE_SERIES.equals(changedBy) ? Origin.HEAD_OFFICE : Origin.AGENT;
    }

    /** Whether it says the same as {@code other} (status, reason, expected delivery), whenever and whoever set it. */
    public boolean saysTheSameAs(StatusChange other) {
        return status == other.status && Objects.equals(reason, other.reason)
                && Objects.equals(expectedDelivery, other.expectedDelivery);
    }
}
