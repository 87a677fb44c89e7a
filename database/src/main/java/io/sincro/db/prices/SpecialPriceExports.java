package io.sincro.db.prices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.sincro.db.RowConsumer;
import io.sincro.db.UtcTimestamps;

/**
 * The head office handing agents' special-price edits on to its back-end: the
 * exported_special_price table, which only this class touches, holds the version of each price
 * last exported, so a later edit of the same price goes again and an unchanged one does not.
 */
public final class SpecialPriceExports {

    private static final String SELECT_TO_EXPORT = """
            SELECT sp.customer_code, sp.product_code, sp.price, sp.discount, sp.updated_at, sp.updated_by
            FROM special_price sp LEFT JOIN exported_special_price e
              ON e.customer_code = sp.customer_code AND e.product_code = sp.product_code
            WHERE sp.updated_by <> 'HQ'
              AND (CAST(? AS BOOLEAN) OR e.customer_code IS NULL
                   OR e.updated_at <> sp.updated_at OR e.updated_by <> sp.updated_by)
            ORDER BY sp.customer_code, sp.product_code
            """;
    private static final String UPDATE = """
            UPDATE exported_special_price SET updated_at = ?, updated_by = ?, exported_at = ?
            WHERE customer_code = ? AND product_code = ?
            """;
    private static final String INSERT = """
            INSERT INTO exported_special_price (updated_at, updated_by, exported_at, customer_code, product_code)
            VALUES (?, ?, ?, ?, ?)
            """;

    /**
     * The special prices whose last edit is an agent's and whose version the back-end has not had
     * yet (every agent's edit, when {@code again}), in key order, one at a time.
     */
    public void toExport(Connection c, boolean again, RowConsumer<SpecialPrice> each) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_TO_EXPORT)) {
            s.setBoolean(1, again);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    each.accept(SpecialPrices.read(rows));
                }
            }
        }
    }

    /** Remembers that this version of the price was handed to the back-end. */
    public void markExported(Connection c, SpecialPrice price, Instant at) throws SQLException {
        for (String sql : new String[] {UPDATE, INSERT}) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                UtcTimestamps.set(s, 1, price.updatedAt());
                s.setString(2, price.updatedBy());
                UtcTimestamps.set(s, 3, at);
                s.setString(4, price.customerCode());
                s.setString(5, price.productCode());
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
        }
    }
}
