package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.sincro.db.Change;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.orders.StatusChangeRefusedException;
import io.sincro.office.orders.OrderException;
import io.sincro.office.orders.StatusNotices;
import io.sincro.office.orders.StatusReports;

/**
 * order-statuses.csv: order (A01/000042), status (received, accepted, rejected, shipped), reason,
 * expected_delivery (YYYY-MM-DD): what the back-end did with the agents' orders, checked and set as
 * {@code sincro hq order-status} sets them.
 */
final class OrderStatusLoader implements LineLoader<StatusChange> {

    private final OrderStatuses statuses = new OrderStatuses();
    private final Instant now;

    OrderStatusLoader(Instant now) {
        this.now = now;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("order", "status");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("reason", "expected_delivery");
    }

    private final StatusNotices notices = new StatusNotices();

    @Override
    public StatusChange read(Connection c, CsvLine line) throws SQLException {
        OrderNumber number;
        try {
            number = OrderNumber.parse(line.text("order", 20));
        } catch (IllegalArgumentException e) {
            throw line.problem("order", e.getMessage());
        }
        String delivery = line.optionalText("expected_delivery", 10);
        LocalDate expected;
        try {
            expected = delivery == null ? null : LocalDate.parse(delivery);
        } catch (DateTimeParseException e) {
            throw line.problem("expected_delivery", "'" + delivery + "' is not a date; write it as YYYY-MM-DD");
        }
        try {
            return StatusReports.check(c, number, line.text("status", 12), line.optionalText("reason", 500),
                    expected, now);
        } catch (StatusChangeRefusedException e) {
            throw line.problem("status", e.getMessage() + (e.listsChoices() ? "; write one of those" : ""));
        } catch (OrderException e) {
            throw line.problem("order", e.getMessage());
        }
    }

    @Override
    public String key(StatusChange row) {
        return row.number().toString();
    }

    @Override
    public String keyColumn() {
        return "order";
    }

    @Override
    public Change save(Connection c, StatusChange row, Instant now) throws SQLException {
        Change change = statuses.change(c, row, ChangeSource.LOCAL);
        if (change != Change.UNCHANGED) {
            notices.queue(c, row, now);
        }
        return change;
    }
}
