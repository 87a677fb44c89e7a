package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.sincro.db.UtcTimestamps;

/**
 * The head office handing orders on to its back-end (the agents' and those it entered on their
 * behalf): customer_order's exported_at, which only this class writes.
 */
public final class OrderExports {

    private static final String SELECT_TO_EXPORT = "SELECT " + Orders.COLUMNS
            + " FROM customer_order WHERE status <> 'DRAFT' AND (exported_at IS NULL OR CAST(? AS BOOLEAN))"
            + " ORDER BY series, number";
    private static final String MARK_EXPORTED = """
            UPDATE customer_order SET exported_at = ? WHERE series = ? AND number = ?
            """;

    private final Orders orders = new Orders();

    /**
     * The orders that the back-end has not had yet (or all of them, when
     * {@code again}), in order, handed one at a time to {@code each} so any number fits in memory.
     */
    public void toExport(Connection c, boolean again, OrderVisitor each) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_TO_EXPORT)) {
            s.setBoolean(1, again);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    Order order = Orders.read(rows);
                    each.visit(order, orders.lines(c, order.number()));
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
