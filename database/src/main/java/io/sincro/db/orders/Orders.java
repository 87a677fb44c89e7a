package io.sincro.db.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.BulkLoad;
import io.sincro.db.Origin;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;

/**
 * Orders and their lines: customer_order's order columns (customer, dates, notes, created and
 * updated) and order_line. An order's status is {@link OrderStatuses}' and its hand-over to the
 * back-end {@link OrderExports}'; a new order is inserted here in the status it starts in (one
 * received, in the status it takes on arrival, {@link #insertAllTaking}, checked by OrderStatuses'
 * rules). Inserting an order made at this station stamps it with a change number: the agent
 * sends its submitted orders up.
 */
public final class Orders {

    static final String COLUMNS = """
            series, number, agent_code, customer_code, origin, status, order_date, delivery_date, notes, created_at""";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer_order WHERE series = ? AND number = ?";
    // The orders in change order, walking index order_changes (no sort of what is left to send,
    // which an agent's sync reads once per package and once more to see whether anything is left);
    // their lines a block of orders at a time, by a range of the key.
    private static final String SELECT_SUBMITTED_SINCE = "SELECT " + COLUMNS + ", change_seq"
            + " FROM customer_order --DERBY-PROPERTIES index = order_changes\n"
            + " WHERE agent_code = ? AND change_seq > ? AND origin = 'AGENT' AND status <> 'DRAFT'"
            + " ORDER BY change_seq";
    private static final String SELECT_LINES_BETWEEN = """
            SELECT number, line_no, product_code, quantity, unit_price, discount FROM order_line
            WHERE series = ? AND number BETWEEN ? AND ?
            """;
    private static final String INSERT = """
            INSERT INTO customer_order (series, number, agent_code, customer_code, origin, order_date, delivery_date,
                                        notes, created_at, updated_at, change_seq,
                                        status, status_changed_at, status_changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    // a range of the key: an IN list on its second column would be tested on every order of the series
    private static final String EXISTING = "SELECT number FROM customer_order WHERE series = ? AND number BETWEEN ? AND ?";
    private static final String INSERT_ALL = """
            INSERT INTO customer_order (series, number, agent_code, customer_code, origin, order_date, delivery_date,
                                        notes, created_at, updated_at, change_seq,
                                        status, status_changed_at, status_changed_by)
            SELECT r.series, r.number, r.agent_code, r.customer_code, r.origin, r.order_date, r.delivery_date,
                   r.notes, r.created_at, r.created_at, r.change_seq, r.status, r.status_changed_at, r.status_changed_by
            FROM TABLE (sincro_order_rows()) r
            """;
    private static final String INSERT_ALL_LINES = """
            INSERT INTO order_line (series, number, line_no, product_code, quantity, unit_price, discount)
            SELECT r.series, r.number, r.line_no, r.product_code, r.quantity, r.unit_price, r.discount
            FROM TABLE (sincro_order_line_rows()) r
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
    private static final String SELECT_LINES_OF_ONE = """
            SELECT series, number, line_no, product_code, quantity, unit_price, discount FROM order_line
            WHERE series = ? AND number = ?
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

    /**
     * The lines of each of {@code numbers}, in line order, by order (an order without lines maps to
     * an empty list): one statement prepared for all of them, where a list would prepare one per order.
     */
    public Map<OrderNumber, List<OrderLine>> linesOf(Connection c, Collection<OrderNumber> numbers) throws SQLException {
        Map<OrderNumber, List<OrderLine>> lines = new HashMap<>();
        for (OrderNumber number : numbers) {
            lines.put(number, new ArrayList<>());
        }
        ManyOrders.each(c, SELECT_LINES_OF_ONE, numbers, rows -> lines
                .get(new OrderNumber(rows.getString("series"), rows.getInt("number")))
                .add(new OrderLine(rows.getInt("line_no"), rows.getString("product_code"),
                        rows.getBigDecimal("quantity"), rows.getBigDecimal("unit_price"),
                        rows.getBigDecimal("discount"))));
        for (List<OrderLine> some : lines.values()) {
            some.sort(Comparator.comparingInt(OrderLine::lineNo));
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
     * The orders agent {@code agentCode} entered at its station that were submitted (queued, sent,
     * or taken further by the head office since; never drafts) and whose last local change is above
     * {@code afterSeq} (-1: all), with their lines, one at a time in the order of that change, so a
     * package that stops early holds every order up to a change number. Close the cursor. A status
     * from the head office is not a local change, so an order it took further comes again only when
     * asked for everything since an earlier change (a restored head office that lost it).
     */
    public SubmittedCursor submittedChangedSince(Connection c, String agentCode, long afterSeq) throws SQLException {
        PreparedStatement s = c.prepareStatement(SELECT_SUBMITTED_SINCE);
        try {
            s.setString(1, agentCode);
            s.setLong(2, afterSeq);
            return new SubmittedCursor(c, s, s.executeQuery());
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * {@link #submittedChangedSince}'s orders one at a time, with their lines, in the order of their
     * last change, read {@value #BLOCK} orders ahead: that many orders' lines in memory at a time,
     * whatever the number of orders.
     */
    public static final class SubmittedCursor implements AutoCloseable {

        static final int BLOCK = 100;

        private final Connection c;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final Deque<SubmittedOrder> block = new ArrayDeque<>();
        private boolean more = true;

        private SubmittedCursor(Connection c, PreparedStatement statement, ResultSet rows) {
            this.c = c;
            this.statement = statement;
            this.rows = rows;
        }

        /** The next order with its lines, or null after the last. */
        public SubmittedOrder next() throws SQLException {
            if (block.isEmpty() && more) {
                readBlock();
            }
            return block.poll();
        }

        private void readBlock() throws SQLException {
            List<Order> orders = new ArrayList<>(BLOCK);
            List<Long> changes = new ArrayList<>(BLOCK);
            while (orders.size() < BLOCK && (more = rows.next())) {
                orders.add(read(rows));
                changes.add(rows.getLong("change_seq"));
            }
            if (orders.isEmpty()) {
                return;
            }
            Map<OrderNumber, List<OrderLine>> lines = new HashMap<>();
            Map<String, List<Integer>> bySeries = new HashMap<>();
            for (Order order : orders) {
                lines.put(order.number(), new ArrayList<>());
                bySeries.computeIfAbsent(order.number().series(), k -> new ArrayList<>()).add(order.number().number());
            }
            try (PreparedStatement s = c.prepareStatement(SELECT_LINES_BETWEEN)) {
                for (Map.Entry<String, List<Integer>> series : bySeries.entrySet()) {
                    s.setString(1, series.getKey());
                    s.setInt(2, Collections.min(series.getValue()));
                    s.setInt(3, Collections.max(series.getValue()));
                    try (ResultSet found = s.executeQuery()) {
                        while (found.next()) {
                            List<OrderLine> of = lines.get(new OrderNumber(series.getKey(), found.getInt("number")));
                            if (of != null) {
                                of.add(new OrderLine(found.getInt("line_no"), found.getString("product_code"),
                                        found.getBigDecimal("quantity"), found.getBigDecimal("unit_price"),
                                        found.getBigDecimal("discount")));
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < orders.size(); i++) {
                List<OrderLine> of = lines.get(orders.get(i).number());
                of.sort(Comparator.comparingInt(OrderLine::lineNo));
                block.add(new SubmittedOrder(orders.get(i), of, changes.get(i)));
            }
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

    /**
     * Inserts many orders with their lines, as {@link #insert(Connection, Order, List, ChangeSource)}
     * inserts each (the same rows: each order in its first status, with its history's first line), in
     * a few batched statements for them all.
     */
    public void insertAll(Connection c, List<OrderWithLines> orders, ChangeSource source) throws SQLException {
        insertAll(c, orders, source, null);
    }

    /**
     * Inserts orders that arrived from another station, each taking at once the status {@code taken}
     * gives it (the change at the same index, for the same order): the rows {@link #insertAll} with
     * {@link ChangeSource#RECEIVED} and then {@link OrderStatuses#change} of each with
     * {@link ChangeSource#LOCAL} would leave, each order in the status taken and stamped as this
     * station's change, its history holding the status it arrived in and then the one taken, but
     * each order written once, in the three statements of {@link #insertAll}. A status taken that says
     * what the order arrived with changes nothing, as in {@link OrderStatuses#change}.
     *
     * @throws StatusChangeRefusedException when a status taken may not follow the one its order
     *         arrived in (nothing is written)
     */
    public void insertAllTaking(Connection c, List<OrderWithLines> orders, List<StatusChange> taken)
            throws SQLException {
        if (taken.size() != orders.size()) {
            throw new IllegalArgumentException(orders.size() + " orders, and " + taken.size() + " statuses taken");
        }
        insertAll(c, orders, ChangeSource.RECEIVED, taken);
    }

    private void insertAll(Connection c, List<OrderWithLines> orders, ChangeSource source, List<StatusChange> taken)
            throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        List<StatusChange> history = new ArrayList<>(orders.size() * (taken == null ? 1 : 2));
        List<StatusChange> stored = new ArrayList<>(orders.size());
        boolean[] stampedHere = new boolean[orders.size()];
        int stamped = 0;
        for (int i = 0; i < orders.size(); i++) {
            StatusChange first = StatusChange.first(orders.get(i).order());
            history.add(first);
            StatusChange status = first;
            stampedHere[i] = source == ChangeSource.LOCAL;
            if (taken != null) {
                StatusChange then = taken.get(i);
                if (!then.number().equals(first.number())) {
                    throw new IllegalArgumentException("the status taken by order " + then.number()
                            + " was given with order " + first.number());
                }
                OrderStatuses.allowed(first, then);
                if (!then.saysTheSameAs(first)) {
                    history.add(then);
                    status = then;
                    stampedHere[i] = true;
                }
            }
            stored.add(status);
            stamped += stampedHere[i] ? 1 : 0;
        }
        // the numbers as a block, in the orders' order, as a change of each in turn would take them
        long stamp = stamped > 0 ? changes.next(c, stamped) : 0;
        List<NewOrder> rows = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            rows.add(new NewOrder(orders.get(i).order(), stored.get(i), stampedHere[i] ? stamp++ : 0));
        }
        BulkLoad.insert(c, INSERT_ALL, s -> { }, rows.iterator(), (row, column) -> {
            Order order = row.order();
            return switch (column) {
                case 1 -> order.number().series();
                case 2 -> order.number().number();
                case 3 -> order.agentCode();
                case 4 -> order.customerCode();
                case 5 -> order.origin().name();
                case 6 -> order.orderDate();
                case 7 -> order.deliveryDate();
                case 8 -> order.notes();
                case 9 -> order.createdAt();
                case 10 -> row.changeSeq();
                case 11 -> row.status().status().name();
                case 12 -> row.status().changedAt();
                case 13 -> row.status().changedBy();
                default -> throw new IllegalArgumentException("no column " + column);
            };
        });
        OrderStatuses.rememberAll(c, history);
        BulkLoad.insert(c, INSERT_ALL_LINES, s -> { }, linesOf(orders), (line, column) -> switch (column) {
            case 1 -> line.number().series();
            case 2 -> line.number().number();
            case 3 -> line.line().lineNo();
            case 4 -> line.line().productCode();
            case 5 -> line.line().quantity();
            case 6 -> line.line().unitPrice();
            case 7 -> line.line().discount();
            default -> throw new IllegalArgumentException("no column " + column);
        });
    }

    /** An order as {@link #insertAll} stores it: in its status, with its change number (0: none). */
    private record NewOrder(Order order, StatusChange status, long changeSeq) {
    }

    private record NumberedLine(OrderNumber number, OrderLine line) {
    }

    private static Iterator<NumberedLine> linesOf(List<OrderWithLines> orders) {
        return orders.stream().flatMap(o -> o.lines().stream().map(l -> new NumberedLine(o.order().number(), l)))
                .iterator();
    }

    /** Which of {@code numbers} of {@code series} are orders of this database, in a few queries. */
    public Set<Integer> existing(Connection c, String series, Collection<Integer> numbers) throws SQLException {
        Set<Integer> found = new HashSet<>();
        if (numbers.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = c.prepareStatement(EXISTING)) {
            s.setString(1, series);
            s.setInt(2, Collections.min(numbers));
            s.setInt(3, Collections.max(numbers));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    if (numbers.contains(rows.getInt(1))) {
                        found.add(rows.getInt(1));
                    }
                }
            }
        }
        return found;
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
