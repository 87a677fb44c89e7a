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
import io.sincro.db.RowConsumer;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;

/**
 * The customer_order and order_line tables. Inserting an order and changing its status are stamped
 * with a change number when made at this station: the head office sends status changes back to the
 * agent, the agent sends its submitted orders up.
 */
public final class Orders {

    private static final String COLUMNS = """
            series, number, agent_code, customer_code, origin, status, order_date, delivery_date, notes,
            status_reason, created_at""";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer_order WHERE series = ? AND number = ?";
    private static final String SELECT_OF_AGENT = "SELECT " + COLUMNS
            + " FROM customer_order WHERE agent_code = ? ORDER BY series, number";
    private static final String SELECT_OF_AGENT_SINCE = "SELECT " + COLUMNS + """
             FROM customer_order WHERE agent_code = ? AND origin = 'AGENT' AND change_seq > ?
            ORDER BY series, number
            """;
    private static final String SELECT_SUBMITTED_SINCE = "SELECT " + COLUMNS + """
             FROM customer_order WHERE origin = 'AGENT' AND status IN ('SUBMITTED', 'SENT') AND change_seq > ?
            ORDER BY series, number
            """;
    private static final String INSERT = """
            INSERT INTO customer_order (series, number, agent_code, customer_code, origin, status, order_date,
                                        delivery_date, notes, status_reason, created_at, updated_at, change_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE_STATUS = """
            UPDATE customer_order SET status = ?, status_reason = ?, updated_at = ?,
                                      change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE series = ? AND number = ?
            """;
    private static final String COUNT_OF_CUSTOMER = "SELECT COUNT(*) FROM customer_order WHERE customer_code = ?";
    private static final String INSERT_LINE = """
            INSERT INTO order_line (series, number, line_no, product_code, quantity, unit_price, discount)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String SELECT_LINES = """
            SELECT line_no, product_code, quantity, unit_price, discount FROM order_line
            WHERE series = ? AND number = ? ORDER BY line_no
            """;
    private static final String HIGHEST = "SELECT MAX(number) FROM customer_order WHERE series = ?";

    private final ChangeSequence changes = new ChangeSequence();

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

    /**
     * The orders agent {@code agentCode} entered (never those the head office entered on its behalf)
     * whose last local change is above {@code afterSeq} (-1: all), in number order.
     */
    public void ofAgentChangedSince(Connection c, String agentCode, long afterSeq, RowConsumer<Order> consumer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_AGENT_SINCE)) {
            s.setString(1, agentCode);
            s.setLong(2, afterSeq);
            stream(s, consumer);
        }
    }

    /**
     * The orders entered at an agent station that were submitted (queued or already sent, never
     * drafts) and whose last local change is above {@code afterSeq} (-1: all), in number order.
     */
    public void submittedChangedSince(Connection c, long afterSeq, RowConsumer<Order> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_SUBMITTED_SINCE)) {
            s.setLong(1, afterSeq);
            stream(s, consumer);
        }
    }

    /** How many orders refer to a customer. */
    public long countOfCustomer(Connection c, String customerCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT_OF_CUSTOMER)) {
            s.setString(1, customerCode);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Inserts an order entered at this station, with its lines. */
    public void insert(Connection c, Order order, List<OrderLine> lines) throws SQLException {
        insert(c, order, lines, ChangeSource.LOCAL);
    }

    /** Inserts an order with its lines; {@code source} says whether it was entered here or received. */
    public void insert(Connection c, Order order, List<OrderLine> lines, ChangeSource source) throws SQLException {
        long stamp = changes.stampFor(c, source);
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
            s.setLong(13, stamp);
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

    /**
     * Sets an order's status and its reason; returns whether the order exists. A local change is
     * stamped, so the head office's decision reaches the agent.
     */
    public boolean updateStatus(Connection c, OrderNumber number, OrderStatus status, String reason, Instant now,
                                ChangeSource source) throws SQLException {
        long stamp = changes.stampFor(c, source);
        try (PreparedStatement s = c.prepareStatement(UPDATE_STATUS)) {
            s.setString(1, status.name());
            s.setString(2, reason);
            UtcTimestamps.set(s, 3, now);
            s.setLong(4, stamp);
            s.setLong(5, stamp);
            s.setString(6, number.series());
            s.setInt(7, number.number());
            return s.executeUpdate() == 1;
        }
    }

    private static void stream(PreparedStatement s, RowConsumer<Order> consumer) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                consumer.accept(read(rows));
            }
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
}
