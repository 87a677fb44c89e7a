package io.sincro.format.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An {@code orderStatus}: what the head office tells an agent about one of its orders, and why.
 *
 * @param reason           why (a rejection's reason, a note on a shipment); may be null
 * @param expectedDelivery when the goods should arrive; may be null
 * @param changedAt        when the status was set, by the setter's clock; null in a format version 1
 *                         package, which did not carry it
 * @param changedBy        who set it, {@code HQ} or an agent's code; null in a format version 1
 *                         package, which did not carry it
 */
public record OrderStatusUpdate(OrderNumber number, OrderStatus status, String reason, LocalDate expectedDelivery,
                                Instant changedAt, String changedBy) {

    public OrderStatusUpdate {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
    }

    /** A status as format version 1 carried it: no expected delivery, no time, no author. */
    public OrderStatusUpdate(OrderNumber number, OrderStatus status, String reason) {
        this(number, status, reason, null, null, null);
    }
}
