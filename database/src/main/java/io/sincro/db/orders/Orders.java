package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Origin;
import io.sincro.db.UtcTimestamps;

/** The customer_order and order_line tables. */
public final class Orders {

    private static final String COLUMNS = """
            series, number, agent_code, customer_code, origin, status, order_date, delivery_date, notes,
            status_reason, created_at""";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer_order WHERE series = ? AND number = ?";
    private static final String SELECT_OF_AGENT = "SELECT " + COLUMNS
            + " FROM customer_order WHERE agent_code = ? ORDER BY series, number";
    private static final String INSERT = """
            INSERT INTO customer_order (series, number, agent_code, customer_code, origin, status, order_date,
                                        delivery_date, notes, status_reason, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_LINE = """
            INSERT INTO order_line (series, number, line_no, product_code, quantity, unit_price, discount)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String SELECT_LINES = """
            SELECT line_no, product_code, quantity, unit_price, discount FROM order_line
            WHERE series = ? AND number = ? ORDER BY line_no
            """;
    private static final String HIGHEST = "SELECT MAX(number) FROM customer_order WHERE series = ?";
    private static final String SELECT_REPORT = """
            SELECT status, status_reason, expected_delivery, status_changed_at, created_at
            FROM customer_order WHERE series = ? AND number = ?
            """;
    private static final String UPDATE_REPORT = """
            UPDATE customer_order SET status = ?, status_reason = ?, expected_delivery = ?, status_changed_at = ?,
                                      updated_at = ?
            WHERE series = ? AND number = ?
            """;
    private static final String SELECT_TO_EXPORT = "SELECT " + COLUMNS
            + " FROM customer_order WHERE origin = 'AGENT' AND (exported_at IS NULL OR CAST(? AS BOOLEAN)) ORDER BY series, number";
    private static final String MARK_EXPORTED = """
            UPDATE customer_order SET exported_at = ? WHERE series = ? AND number = ?
            """;

    public Optional<Order> find(Connection c, OrderNumber number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<Order> ofAgent(Connection c, String agentCode) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_AGENT)) {
            s.setString(1, agentCode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    orders.add(read(rows));
                }
            }
        }
        return orders;
    }

    public List<OrderLine> lines(Connection c, OrderNumber number) throws SQLException {
        List<OrderLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_LINES)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    lines.add(new OrderLine(rows.getInt("line_no"), rows.getString("product_code"),
                            rows.getBigDecimal("quantity"), rows.getBigDecimal("unit_price"),
                            rows.getBigDecimal("discount")));
                }
            }
        }
        return lines;
    }

    /** The highest number used in {@code series}, 0 when none. */
    public int highestNumber(Connection c, String series) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HIGHEST)) {
            s.setString(1, series);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    public void insert(Connection c, Order order, List<OrderLine> lines) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, order.number().series());
            s.setInt(2, order.number().number());
            s.setString(3, order.agentCode());
            s.setString(4, order.customerCode());
            s.setString(5, order.origin().name());
            s.setString(6, order.status().name());
            s.setDate(7, Date.valueOf(order.orderDate()));
            s.setDate(8, order.deliveryDate() == null ? null : Date.valueOf(order.deliveryDate()));
            s.setString(9, order.notes());
            s.setString(10, order.statusReason());
            UtcTimestamps.set(s, 11, order.createdAt());
            UtcTimestamps.set(s, 12, order.createdAt());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_LINE)) {
            for (OrderLine line : lines) {
                s.setString(1, order.number().series());
                s.setInt(2, order.number().number());
                s.setInt(3, line.lineNo());
                s.setString(4, line.productCode());
                s.setBigDecimal(5, line.quantity());
                s.setBigDecimal(6, line.unitPrice());
                s.setBigDecimal(7, line.discount());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Order read(ResultSet rows) throws SQLException {
        Date delivery = rows.getDate("delivery_date");
        return new Order(
                new OrderNumber(rows.getString("series"), rows.getInt("number")),
                rows.getString("agent_code"),
                rows.getString("customer_code"),
                Origin.valueOf(rows.getString("origin")),
                OrderStatus.valueOf(rows.getString("status")),
                rows.getDate("order_date").toLocalDate(),
                delivery == null ? null : delivery.toLocalDate(),
                rows.getString("notes"),
                rows.getString("status_reason"),
                UtcTimestamps.get(rows, "created_at"));
    }

    /** The status the head office last reported for the order. */
    public Optional<StatusReport> statusReport(Connection c, OrderNumber number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_REPORT)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Date expected = rows.getDate("expected_delivery");
                Instant changedAt = UtcTimestamps.get(rows, "status_changed_at");
                return Optional.of(new StatusReport(number, OrderStatus.valueOf(rows.getString("status")),
                        rows.getString("status_reason"), expected == null ? null : expected.toLocalDate(),
                        changedAt != null ? changedAt : UtcTimestamps.get(rows, "created_at")));
            }
        }
    }

    /** Records a status for the order; returns false when there is no such order. */
    public boolean report(Connection c, StatusReport report) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE_REPORT)) {
            s.setString(1, report.status().name());
            s.setString(2, report.reason());
            s.setDate(3, report.expectedDelivery() == null ? null : Date.valueOf(report.expectedDelivery()));
            UtcTimestamps.set(s, 4, report.changedAt());
            UtcTimestamps.set(s, 5, report.changedAt());
            s.setString(6, report.number().series());
            s.setInt(7, report.number().number());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * The orders received from agents that the back-end has not had yet (or all of them, when
     * {@code again}), in order, handed one at a time to {@code each} so any number fits in memory.
     */
    public void toExport(Connection c, boolean again, OrderVisitor each) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_TO_EXPORT)) {
            s.setBoolean(1, again);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Order order = read(rows);
                    each.visit(order, lines(c, order.number()));
                }
            }
        }
    }

    public void markExported(Connection c, OrderNumber number, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_EXPORTED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, number.series());
            s.setInt(3, number.number());
            s.executeUpdate();
        }
    }

    /** Receives orders one at a time with their lines. */
    @FunctionalInterface
    public interface OrderVisitor {
        void visit(Order order, List<OrderLine> lines) throws SQLException;
    }
}
