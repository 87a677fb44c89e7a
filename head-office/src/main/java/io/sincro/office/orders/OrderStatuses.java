package io.sincro.office.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import io.sincro.db.Database;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.StatusReport;

/**
 * What the head office reports on an order (accepted, rejected with a reason, shipped with an
 * expected delivery), which the next sync carries back to the agent so it can tell its customer.
 */
public final class OrderStatuses {

    /** The statuses the head office sets; the others belong to the agent's side of the journey. */
    public static final Set<OrderStatus> SET_AT_HEAD_OFFICE =
            EnumSet.of(OrderStatus.RECEIVED, OrderStatus.ACCEPTED, OrderStatus.REJECTED, OrderStatus.SHIPPED);

    private final Database company;
    private final Orders orders = new Orders();

    public OrderStatuses(Database company) {
        this.company = company;
    }

    public StatusReport report(OrderNumber number, OrderStatus status, String reason, LocalDate expectedDelivery) {
        Instant now = company.clock().instant();
        StatusReport report = check(number, status, reason, expectedDelivery, now);
        company.useTransaction(c -> report(c, report));
        return report;
    }

    /** Checks a report before it is stored, with a message for each mistake a user can make (also used by the CSV import). */
    public static StatusReport check(OrderNumber number, OrderStatus status, String reason, LocalDate expectedDelivery,
            Instant now) {
        if (!SET_AT_HEAD_OFFICE.contains(status)) {
            throw new OrderException("the head office reports an order as received, accepted, rejected or shipped,"
                    + " not " + status.name().toLowerCase());
        }
        if (status == OrderStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw new OrderException("order " + number + " is rejected without a reason; give the reason, so the"
                    + " agent can tell its customer");
        }
        if (reason != null && reason.length() > 500) {
            throw new OrderException("the reason is " + reason.length() + " characters long; at most 500 fit");
        }
        return new StatusReport(number, status, reason == null || reason.isBlank() ? null : reason.strip(),
                expectedDelivery, now);
    }

    public static void report(Connection c, StatusReport report) throws SQLException {
        if (!new Orders().report(c, report)) {
            throw new OrderException("order " + report.number() + " is not in the company database; check the"
                    + " number (orders received from agents are listed by sincro hq export-orders)");
        }
    }
}
