package io.sincro.db.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.sincro.db.RowConsumer;
import io.sincro.db.UtcTimestamps;

/**
 * The head office handing the customers agents created on to its back-end: customer's
 * exported_at, which only this class writes.
 */
public final class CustomerExports {

    private static final String SELECT_TO_EXPORT = "SELECT " + Customers.COLUMNS + """
             FROM customer WHERE origin = 'AGENT' AND (exported_at IS NULL OR CAST(? AS BOOLEAN)) ORDER BY code
            """;
    private static final String MARK_EXPORTED = "UPDATE customer SET exported_at = ? WHERE code = ?";

    /**
     * The customers agents created that the back-end has not had yet (all of them, when
     * {@code again}), in code order, one at a time.
     */
    public void toExport(Connection c, boolean again, RowConsumer<Customer> each) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_TO_EXPORT)) {
            s.setBoolean(1, again);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    each.accept(Customers.read(rows));
                }
            }
        }
    }

    public void markExported(Connection c, String code, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_EXPORTED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, code);
            s.executeUpdate();
        }
    }
}
