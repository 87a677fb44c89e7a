package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.sincro.db.BulkLoad;
import io.sincro.db.UtcTimestamps;
import io.sincro.rules.conflicts.PriceVersion;

/**
 * The received_price table: the stamp of the last version of each special price that arrived from
 * the other side. A version arriving again (in a full package, or in deltas that overlap) is then
 * recognised and does not count as a new conflict.
 */
final class ReceivedPrices {

    private static final String SELECT = """
            SELECT updated_at, updated_by, deleted FROM received_price WHERE customer_code = ? AND product_code = ?
            """;
    private static final String UPDATE = """
            UPDATE received_price SET updated_at = ?, updated_by = ?, deleted = ? WHERE customer_code = ? AND product_code = ?
            """;
    private static final String INSERT = """
            INSERT INTO received_price (updated_at, updated_by, deleted, customer_code, product_code) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String ANY = "SELECT 1 FROM received_price FETCH FIRST ROW ONLY";
    private static final String REMEMBER_ALL = """
            INSERT INTO received_price (updated_at, updated_by, deleted, customer_code, product_code)
            SELECT updated_at, updated_by, FALSE, customer_code, product_code FROM special_price
            """;

    /** Whether {@code version} is the one that arrived last for this price. */
    boolean arrivedBefore(Connection c, String customer, String product, PriceVersion version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, customer);
            s.setString(2, product);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && version.updatedAt().equals(UtcTimestamps.get(rows, "updated_at"))
                        && version.updatedBy().equals(rows.getString("updated_by"))
                        && version.deleted() == rows.getBoolean("deleted");
            }
        }
    }

    void remember(Connection c, String customer, String product, PriceVersion version) throws SQLException {
        for (String sql : new String[] {UPDATE, INSERT}) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                UtcTimestamps.set(s, 1, version.updatedAt());
                s.setString(2, version.updatedBy());
                s.setBoolean(3, version.deleted());
                s.setString(4, customer);
                s.setString(5, product);
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
        }
    }

    /** Whether no version has arrived here yet. */
    boolean isEmpty(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY);
    }

    /** Remembers every special price here as arrived: right after they were all loaded from a package. */
    void rememberAll(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REMEMBER_ALL)) {
            s.executeUpdate();
        }
    }
}
