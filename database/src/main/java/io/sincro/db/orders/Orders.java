package io.sincro.db.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Origin;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;

/**
 * Orders and their lines: customer_order's order columns (customer, dates, notes, created and
 * updated) and order_line. An order's status is {@link OrderStatuses}' and its hand-over to the
 * back-end {@link OrderExports}'; a new order is inserted here in the status it starts in. Inserting
 * an order made at this station stamps it with a change number: the agent sends its submitted
 * orders up.
 */
public final class Orders {

    static final String COLUMNS = """
            series, number, agent_code, customer_code, origin, status, order_date, delivery_date, notes, created_at""";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer_order WHERE series = ? AND number = ?";
    // one read for the orders and their lines, an order's lines together and in line order
    private static final String SELECT_SUBMITTED_SINCE = """
            SELECT o.series, o.number, o.agent_code, o.customer_code, o.origin, o.status, o.order_date,
                   o.delivery_date, o.notes, o.created_at, o.change_seq,
                   l.line_no, l.product_code, l.quantity, l.unit_price, l.discount
            FROM customer_order o LEFT JOIN order_line l ON l.series = o.series AND l.number = o.number
            WHERE o.origin = 'AGENT' AND o.status <> 'DRAFT' AND o.change_seq > ?
            ORDER BY o.change_seq, o.series, o.number, l.line_no
            """;
    private static final String INSERT = """
            INSERT INTO customer_order (series, number, agent_code, customer_code, origin, order_date, delivery_date,
                                        notes, created_at, updated_at, change_seq,
                                        status, status_changed_at, status_changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
    // Either filter may be null; the casts give Derby a type for a parameter that is only tested
    // for null.
    private static final String SEARCH = "SELECT " + COLUMNS + """
             FROM customer_order
            WHERE (CAST(? AS VARCHAR(12)) IS NULL OR status = ?)
              AND (CAST(? AS VARCHAR(20)) IS NULL OR customer_code = ?)
            ORDER BY order_date DESC, series, number DESC
            FETCH FIRST ? ROWS ONLY
            """;
    private static final String SET_BACKEND_ORDER = "UPDATE customer_order SET backend_order = ? WHERE series = ? AND number = ?";
    private static final String SELECT_BY_BACKEND_ORDER = """
            SELECT series, number FROM customer_order WHERE backend_order = ? FETCH FIRST ROW ONLY
            """;
    private static final String HIGHEST_LINE = "SELECT MAX(line_no) FROM order_line WHERE series = ? AND number = ?";
    private static final String DELETE_LINE = "DELETE FROM order_line WHERE series = ? AND number = ? AND line_no = ?";
    private static final String SET_QUANTITY = "UPDATE order_line SET quantity = ? WHERE series = ? AND number = ? AND line_no = ?";
    private static final String SET_REQUEST = """
            UPDATE customer_order SET notes = ?, delivery_date = ?, updated_at = ? WHERE series = ? AND number = ?
            """;
    private static final String TOUCH = "UPDATE customer_order SET updated_at = ? WHERE series = ? AND number = ?";

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

    /**
     * Orders with {@code status} (any when null) of {@code customerCode} (any when null), newest
     * first, at most {@code limit}.
     */
    public List<Order> search(Connection c, OrderStatus status, String customerCode, int limit) throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SEARCH)) {
            String statusName = status == null ? null : status.name();
            s.setString(1, statusName);
            s.setString(2, statusName);
            s.setString(3, customerCode);
            s.setString(4, customerCode);
            s.setInt(5, limit);
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
     * The orders entered at an agent station that were submitted (queued, sent, or taken further by
     * the head office since; never drafts) and whose last local change is above {@code afterSeq}
     * (-1: all), with their lines, in the order of that change (so a package that stops early has
     * every order up to a change number), one at a time. Close the cursor. A status from the head office is not a local change, so an order
     * it took further comes again only when asked for everything since an earlier change (a
     * restored head office that lost it).
     */
    public SubmittedCursor submittedChangedSince(Connection c, long afterSeq) throws SQLException {
        PreparedStatement s = c.prepareStatement(SELECT_SUBMITTED_SINCE);
        try {
            s.setLong(1, afterSeq);
            return new SubmittedCursor(s, s.executeQuery());
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * {@link #submittedChangedSince}'s orders one at a time, with their lines, in the order of their
     * last change: one order's lines in memory at a time, whatever the number of orders.
     */
    public static final class SubmittedCursor implements AutoCloseable {

        private final PreparedStatement statement;
        private final ResultSet rows;
        /** Whether {@link #rows} stands on a line not taken yet: the first of the next order. */
        private boolean pending;

        private SubmittedCursor(PreparedStatement statement, ResultSet rows) throws SQLException {
            this.statement = statement;
            this.rows = rows;
            this.pending = rows.next();
        }

        /** The next order with its lines, or null after the last. */
        public SubmittedOrder next() throws SQLException {
            if (!pending) {
                return null;
            }
            Order order = read(rows);
            long changeSeq = rows.getLong("change_seq");
            List<OrderLine> lines = new ArrayList<>();
            do {
                rows.getInt("line_no");
                if (!rows.wasNull()) {
                    lines.add(new OrderLine(rows.getInt("line_no"), rows.getString("product_code"),
                            rows.getBigDecimal("quantity"), rows.getBigDecimal("unit_price"),
                            rows.getBigDecimal("discount")));
                }
                pending = rows.next();
            } while (pending && rows.getInt("number") == order.number().number()
                    && rows.getString("series").equals(order.number().series()));
            return new SubmittedOrder(order, lines, changeSeq);
        }

        @Override
        public void close() throws SQLException {
            try {
                rows.close();
            } finally {
                statement.close();
            }
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

    /**
     * Inserts an order with its lines; {@code source} says whether it was entered here or received.
     * The order starts in its status ({@link StatusChange#first}): every later change of it is
     * {@link OrderStatuses}'.
     */
    public void insert(Connection c, Order order, List<OrderLine> lines, ChangeSource source) throws SQLException {
        long stamp = changes.stampFor(c, source);
        StatusChange first = StatusChange.first(order);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, order.number().series());
            s.setInt(2, order.number().number());
            s.setString(3, order.agentCode());
            s.setString(4, order.customerCode());
            s.setString(5, order.origin().name());
            s.setDate(6, Date.valueOf(order.orderDate()));
            s.setDate(7, order.deliveryDate() == null ? null : Date.valueOf(order.deliveryDate()));
            s.setString(8, order.notes());
            UtcTimestamps.set(s, 9, order.createdAt());
            UtcTimestamps.set(s, 10, order.createdAt());
            s.setLong(11, stamp);
            s.setString(12, first.status().name());
            UtcTimestamps.set(s, 13, first.changedAt());
            s.setString(14, first.changedBy());
            s.executeUpdate();
        }
        OrderStatuses.remember(c, first);
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

    /** Notes the back-end's own reference of an order the head office entered from its file. */
    public void setBackEndOrder(Connection c, OrderNumber number, String backEndOrder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_BACKEND_ORDER)) {
            s.setString(1, backEndOrder);
            s.setString(2, number.series());
            s.setInt(3, number.number());
            s.executeUpdate();
        }
    }

    /** The order entered from the back-end's order {@code backEndOrder}, if there is one. */
    public Optional<OrderNumber> findByBackEndOrder(Connection c, String backEndOrder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_BY_BACKEND_ORDER)) {
            s.setString(1, backEndOrder);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new OrderNumber(rows.getString(1), rows.getInt(2))) : Optional.empty();
            }
        }
    }

    /** Adds one line to an existing order, numbered after its highest line; returns it as stored. */
    public OrderLine addLine(Connection c, OrderNumber number, OrderLine line, Instant now) throws SQLException {
        int lineNo;
        try (PreparedStatement s = c.prepareStatement(HIGHEST_LINE)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                lineNo = rows.getInt(1) + 1;
            }
        }
        OrderLine stored = new OrderLine(lineNo, line.productCode(), line.quantity(), line.unitPrice(), line.discount());
        try (PreparedStatement s = c.prepareStatement(INSERT_LINE)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            s.setInt(3, stored.lineNo());
            s.setString(4, stored.productCode());
            s.setBigDecimal(5, stored.quantity());
            s.setBigDecimal(6, stored.unitPrice());
            s.setBigDecimal(7, stored.discount());
            s.executeUpdate();
        }
        touch(c, number, now);
        return stored;
    }

    /**
     * Removes one line; the other lines keep their numbers, so "line 3" means the same line before
     * and after. Returns whether the line was there.
     */
    public boolean removeLine(Connection c, OrderNumber number, int lineNo, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_LINE)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            s.setInt(3, lineNo);
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        touch(c, number, now);
        return true;
    }

    /** Sets one line's quantity, keeping its price and discount; returns whether the line was there. */
    public boolean changeQuantity(Connection c, OrderNumber number, int lineNo, BigDecimal quantity, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_QUANTITY)) {
            s.setBigDecimal(1, quantity);
            s.setString(2, number.series());
            s.setInt(3, number.number());
            s.setInt(4, lineNo);
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        touch(c, number, now);
        return true;
    }

    /** Sets what the order asks besides its lines: its notes and the delivery date requested (either may be null). */
    public void changeRequest(Connection c, OrderNumber number, String notes, LocalDate deliveryDate, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_REQUEST)) {
            s.setString(1, notes);
            s.setDate(2, deliveryDate == null ? null : Date.valueOf(deliveryDate));
            UtcTimestamps.set(s, 3, now);
            s.setString(4, number.series());
            s.setInt(5, number.number());
            s.executeUpdate();
        }
    }

    private static void touch(Connection c, OrderNumber number, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TOUCH)) {
            UtcTimestamps.set(s, 1, now);
            s.setString(2, number.series());
            s.setInt(3, number.number());
            s.executeUpdate();
        }
    }

    static Order read(ResultSet rows) throws SQLException {
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
                UtcTimestamps.get(rows, "created_at"));
    }
}
