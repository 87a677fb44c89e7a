package io.sincro.office.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import io.sincro.db.Change;
import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.Station;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.orders.StatusChangeRefusedException;

/**
 * What the head office reports on an order (accepted, rejected with a reason, shipped with an
 * expected delivery), which the next sync carries back to the agent so it can tell its customer.
 * The command and the CSV import both come here; which statuses may follow which is
 * {@link OrderStatus#next}'s to say.
 */
public final class StatusReports {

    private static final int MAX_REASON = 500;

    private final Database company;

    public StatusReports(Database company) {
        this.company = company;
    }

    /**
     * Sets order {@code number} to the status {@code status} names (received, accepted, rejected,
     * shipped, in any case), now; the next sync tells the agent.
     *
     * @throws OrderException naming the statuses that order may take now, when it may not take this one
     */
    public StatusChange report(OrderNumber number, String status, String reason, LocalDate expectedDelivery) {
        Instant now = company.clock().instant();
        try {
            return company.inTransaction(c -> {
                StatusChange change = check(c, number, status, reason, expectedDelivery, now);
                if (new OrderStatuses().change(c, change, ChangeSource.LOCAL) != Change.UNCHANGED) {
                    new StatusNotices().queue(c, change, now);
                }
                return change;
            });
        } catch (StatusChangeRefusedException e) {
            throw new OrderException(e.getMessage() + (e.listsChoices() ? "; run sincro hq order-status " + number
                    + " again with one of those" : ""), e);
        }
    }

    /**
     * The change the head office asks for, checked against where the order stands now; nothing is
     * written. Set it with {@link OrderStatuses#change}, stamped as a local change so it travels.
     *
     * @throws StatusChangeRefusedException when the order may not take that status now, or a
     *         rejection has no reason: the message says where the order stands and what may follow
     * @throws OrderException               when the order is unknown or the reason too long
     */
    public static StatusChange check(Connection c, OrderNumber number, String status, String reason,
            LocalDate expectedDelivery, Instant now) throws SQLException {
        OrderStatuses statuses = new OrderStatuses();
        StatusChange current = statuses.find(c, number).orElseThrow(() -> new OrderException("order " + number
                + " is not in the company database; check the number (sincro hq orders list shows"
                + " the orders the head office holds)"));
        OrderStatus wanted = OrderStatus.named(status)
                .orElseThrow(() -> StatusChangeRefusedException.notAllowed(current, status, Origin.HEAD_OFFICE));
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new OrderException("the reason is " + reason.strip().length() + " characters long; at most "
                    + MAX_REASON + " fit");
        }
        StatusChange change = new StatusChange(number, wanted, reason, expectedDelivery, now,
                Station.HEAD_OFFICE_SERIES);
        statuses.check(c, change);
        return change;
    }
}
