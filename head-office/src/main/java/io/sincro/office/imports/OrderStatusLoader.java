package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.sincro.db.Change;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.StatusReport;
import io.sincro.office.orders.OrderStatuses;

/**
 * order-statuses.csv: order (A01/000042), status (received, accepted, rejected, shipped), reason,
 * expected_delivery (YYYY-MM-DD): what the back-end did with the agents' orders.
 */
final class OrderStatusLoader implements RowLoader<StatusReport> {

    private final Orders orders = new Orders();
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

    @Override
    public StatusReport read(Connection c, CsvLine line) throws SQLException {
        OrderNumber number;
        try {
            number = OrderNumber.parse(line.text("order", 20));
        } catch (IllegalArgumentException e) {
            throw line.problem("order", e.getMessage());
        }
        if (orders.find(c, number).isEmpty()) {
            throw line.problem("order", "unknown order " + number + "; only orders received from agents get a status");
        }
        String statusText = line.text("status", 12);
        OrderStatus status;
        try {
            status = OrderStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw line.problem("status", "'" + statusText + "' is not a status; use received, accepted, rejected or shipped");
        }
        String delivery = line.optionalText("expected_delivery", 10);
        LocalDate expected;
        try {
            expected = delivery == null ? null : LocalDate.parse(delivery);
        } catch (DateTimeParseException e) {
            throw line.problem("expected_delivery", "'" + delivery + "' is not a date; write it as YYYY-MM-DD");
        }
        try {
            return OrderStatuses.check(number, status, line.optionalText("reason", 500), expected, now);
        } catch (RuntimeException e) {
            throw line.problem("status", e.getMessage());
        }
    }

    @Override
    public String key(StatusReport row) {
        return row.number().toString();
    }

    @Override
    public String keyColumn() {
        return "order";
    }

    @Override
    public Change save(Connection c, StatusReport row, Instant now) throws SQLException {
        OrderStatuses.report(c, row);
        return Change.UPDATED;
    }
}
