package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sincro.db.BulkLoad;
import io.sincro.db.Change;
import io.sincro.db.RowConsumer;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.AgentChanges;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;

/**
 * An order's status: the status columns of customer_order (status, status_reason,
 * expected_delivery, status_changed_at, status_changed_by), read and written as one
 * {@link StatusChange}. Once an order exists this is the only class that writes them, and it
 * writes only the changes {@link OrderStatus#next} allows. A change made at this station is
 * stamped with a change number, so the head office's statuses travel to the agent.
 */
public final class OrderStatuses {

    private static final String COLUMNS =
            "series, number, status, status_reason, expected_delivery, status_changed_at, status_changed_by";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer_order WHERE series = ? AND number = ?";
    private static final String SELECT_OF_AGENT_SINCE = "SELECT " + COLUMNS + """
             FROM customer_order WHERE agent_code = ? AND origin = 'AGENT' AND change_seq > ?
            ORDER BY series, number
            """;
    private static final String LATEST_OF_AGENTS_SINCE = """
            SELECT agent_code, MAX(change_seq) FROM customer_order WHERE origin = 'AGENT' AND change_seq > ?
            GROUP BY agent_code
            """;
    private static final String UPDATE = """
            UPDATE customer_order SET status = ?, status_reason = ?, expected_delivery = ?, status_changed_at = ?,
                                      status_changed_by = ?, change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE series = ? AND number = ?
            """;
    // SUBMITTED -> SENT, the agent's own step (OrderStatus.next), for the changes a package carried:
    // a range of index order_changes, not every order still submitted
    private static final String MARK_SENT = """
            UPDATE customer_order SET status = 'SENT', status_changed_at = ?, status_changed_by = ?
            WHERE agent_code = ? AND change_seq > ? AND change_seq <= ?
              AND origin = 'AGENT' AND series = ? AND status = 'SUBMITTED'
            """;

    // SUBMITTED -> DRAFT, the agent taking back an order no package carries yet
    private static final String WITHDRAW = """
            UPDATE customer_order SET status = 'DRAFT', status_changed_at = ?, status_changed_by = ?
            WHERE origin = 'AGENT' AND series = ? AND number = ? AND status = 'SUBMITTED' AND change_seq > ?
            """;

    private static final String INSERT_HISTORY = """
            INSERT INTO order_status_history (series, number, status, status_reason, expected_delivery, changed_at,
                                              changed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_HISTORIES = """
            INSERT INTO order_status_history (series, number, status, status_reason, expected_delivery, changed_at,
                                              changed_by)
            SELECT r.series, r.number, r.status, r.status_reason, r.expected_delivery, r.changed_at, r.changed_by
            FROM TABLE (sincro_order_status_rows()) r
            """;
    private static final String HISTORY_OF_SENT = """
            INSERT INTO order_status_history (series, number, status, changed_at, changed_by)
            SELECT series, number, 'SENT', ?, ? FROM customer_order --DERBY-PROPERTIES index = order_changes
            WHERE agent_code = ? AND change_seq > ? AND change_seq <= ?
              AND origin = 'AGENT' AND series = ? AND status = 'SUBMITTED'
            """;
    private static final String SELECT_HISTORY = """
            SELECT series, number, status, status_reason, expected_delivery, changed_at AS status_changed_at,
                   changed_by AS status_changed_by
            FROM order_status_history WHERE series = ? AND number = ? ORDER BY id
            """;

    private final ChangeSequence changes = new ChangeSequence();

    /** The order's status as last set; empty when there is no such order. */
    public Optional<StatusChange> find(Connection c, OrderNumber number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The status of each of {@code numbers} there is an order for, by order: one statement prepared for all of them. */
    public Map<OrderNumber, StatusChange> ofOrders(Connection c, Collection<OrderNumber> numbers) throws SQLException {
        Map<OrderNumber, StatusChange> found = new HashMap<>();
        ManyOrders.each(c, SELECT_ONE, numbers, rows -> {
            StatusChange status = read(rows);
            found.put(status.number(), status);
        });
        return found;
    }

    /**
     * Checks that {@code change} may follow the order's status now, writing nothing; returns the
     * status it would replace.
     *
     * @throws StatusChangeRefusedException when the status may not follow the order's current one
     *         for the side that set it, or a rejection has no reason
     * @throws IllegalArgumentException     when there is no such order
     */
    public StatusChange check(Connection c, StatusChange change) throws SQLException {
        StatusChange current = find(c, change.number())
                .orElseThrow(() -> new IllegalArgumentException("order " + change.number() + " is not in this database"));
        allowed(current, change);
        return current;
    }

    /** Refuses {@code change} when it may not follow {@code current}, as {@link #check} does. */
    static void allowed(StatusChange current, StatusChange change) {
        if (!current.status().next(change.side()).contains(change.status())) {
            throw StatusChangeRefusedException.notAllowed(current, change.status().label(), change.side());
        }
        if (change.status().needsReason() && change.reason() == null) {
            throw StatusChangeRefusedException.withoutReason(change);
        }
    }

    /**
     * Sets the order's status, its reason and expected delivery, when and by whom as {@code change}
     * says, once {@link #check} allows it; {@code source} says whether it was decided here (stamped,
     * so it travels) or received. Saying again what the order already says changes nothing.
     */
    public Change change(Connection c, StatusChange change, ChangeSource source) throws SQLException {
        if (change.saysTheSameAs(check(c, change))) {
            return Change.UNCHANGED;
        }
        long stamp = changes.stampFor(c, source);
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            setUpdate(s, change, stamp);
            s.executeUpdate();
        }
        remember(c, change);
        return Change.UPDATED;
    }

    /** The parameters of {@code UPDATE} for {@code change}, stamped {@code stamp}. */
    private static void setUpdate(PreparedStatement s, StatusChange change, long stamp) throws SQLException {
        s.setString(1, change.status().name());
        s.setString(2, change.reason());
        s.setDate(3, change.expectedDelivery() == null ? null : Date.valueOf(change.expectedDelivery()));
        UtcTimestamps.set(s, 4, change.changedAt());
        s.setString(5, change.changedBy());
        s.setLong(6, stamp);
        s.setLong(7, stamp);
        s.setString(8, change.number().series());
        s.setInt(9, change.number().number());
    }

    /**
     * Takes a submitted order back to draft, as long as no package carries it yet: its change
     * stamp is above {@code packagedUpTo}, the highest stamp the outbound packages written so far
     * cover. Returns whether it did; the history records the draft again.
     *
     * <p>It holds the change counter's lock from before it reads {@code packagedUpTo} until the
     * transaction ends, as the writer of the agent's packages does (sync's Publisher): a package
     * written meanwhile either is seen here, or is written after this transaction and finds the
     * order a draft. Never both.
     */
    public boolean withdraw(Connection c, OrderNumber number, PackagedUpTo packagedUpTo, Instant at, String by)
            throws SQLException {
        changes.lock(c);
        long packaged = packagedUpTo.in(c);
        try (PreparedStatement s = c.prepareStatement(WITHDRAW)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, by);
            s.setString(3, number.series());
            s.setInt(4, number.number());
            s.setLong(5, packaged);
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        remember(c, new StatusChange(number, OrderStatus.DRAFT, null, null, at, by));
        return true;
    }

    /** Every status the order took at this station, the first first. */
    public List<StatusChange> history(Connection c, OrderNumber number) throws SQLException {
        List<StatusChange> history = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_HISTORY)) {
            s.setString(1, number.series());
            s.setInt(2, number.number());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    history.add(read(rows));
                }
            }
        }
        return history;
    }

    /** Adds a status the order took to its history. */
    static void remember(Connection c, StatusChange change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_HISTORY)) {
            s.setString(1, change.number().series());
            s.setInt(2, change.number().number());
            s.setString(3, change.status().name());
            s.setString(4, change.reason());
            s.setDate(5, change.expectedDelivery() == null ? null : Date.valueOf(change.expectedDelivery()));
            UtcTimestamps.set(s, 6, change.changedAt());
            s.setString(7, change.changedBy());
            s.executeUpdate();
        }
    }

    /** Adds many statuses orders took to their histories, in one statement. */
    static void rememberAll(Connection c, List<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        BulkLoad.insert(c, INSERT_HISTORIES, s -> { }, changes.iterator(), (change, column) -> switch (column) {
            case 1 -> change.number().series();
            case 2 -> change.number().number();
            case 3 -> change.status().name();
            case 4 -> change.reason();
            case 5 -> change.expectedDelivery();
            case 6 -> change.changedAt();
            case 7 -> change.changedBy();
            default -> throw new IllegalArgumentException("no column " + column);
        });
    }

    /**
     * Marks SENT agent {@code agentCode}'s submitted orders whose change number is at most
     * {@code upToChangeSeq}: those a package now in the mailbox carried. Not stamped with a change
     * number: the head office has the order, and being sent is news only to this station. Returns
     * how many orders it marked.
     */
    public int markSent(Connection c, String agentCode, long upToChangeSeq, Instant now) throws SQLException {
        return markSent(c, agentCode, -1, upToChangeSeq, now);
    }

    /**
     * Marks SENT, as the other {@code markSent} does, the submitted orders whose change number is above
     * {@code afterChangeSeq} and at most {@code upToChangeSeq}: a package's, when every order up to
     * its predecessor's mark is marked already.
     */
    public int markSent(Connection c, String agentCode, long afterChangeSeq, long upToChangeSeq, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(HISTORY_OF_SENT)) {
            UtcTimestamps.set(s, 1, now);
            s.setString(2, agentCode);
            s.setString(3, agentCode);
            s.setLong(4, afterChangeSeq);
            s.setLong(5, upToChangeSeq);
            s.setString(6, agentCode);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(MARK_SENT)) {
            UtcTimestamps.set(s, 1, now);
            s.setString(2, agentCode);
            s.setString(3, agentCode);
            s.setLong(4, afterChangeSeq);
            s.setLong(5, upToChangeSeq);
            s.setString(6, agentCode);
            return s.executeUpdate();
        }
    }

    /**
     * The status of the orders agent {@code agentCode} entered (never of those the head office
     * entered on its behalf) whose last local change is above {@code afterSeq} (-1: all), in number
     * order.
     */
    public void ofAgentChangedSince(Connection c, String agentCode, long afterSeq, RowConsumer<StatusChange> consumer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_AGENT_SINCE)) {
            s.setString(1, agentCode);
            s.setLong(2, afterSeq);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            }
        }
    }

    /**
     * {@link #ofAgentChangedSince} for every agent at once: each agent's highest change number among
     * the orders it entered whose status changed above {@code afterSeq}.
     */
    public AgentChanges changesOfAgentsSince(Connection c, long afterSeq) throws SQLException {
        return AgentChanges.of(c, LATEST_OF_AGENTS_SINCE, s -> s.setLong(1, afterSeq));
    }

    private static StatusChange read(ResultSet rows) throws SQLException {
        Date expected = rows.getDate("expected_delivery");
        return new StatusChange(new OrderNumber(rows.getString("series"), rows.getInt("number")),
                OrderStatus.valueOf(rows.getString("status")), rows.getString("status_reason"),
                expected == null ? null : expected.toLocalDate(), UtcTimestamps.get(rows, "status_changed_at"),
                rows.getString("status_changed_by"));
    }
}
