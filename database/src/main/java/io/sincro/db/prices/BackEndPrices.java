package io.sincro.db.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.sincro.db.UtcTimestamps;

/**
 * The backend_special_price table: the price and discount the back-end's special-prices file gave
 * each price the last time it was loaded at the head office. A reload compares with it, not with
 * the price in use, so a price an agent edited since is changed only when the back-end changed it.
 */
public final class BackEndPrices {

    private static final String SELECT = """
            SELECT price, discount FROM backend_special_price WHERE customer_code = ? AND product_code = ?
            """;
    private static final String INSERT = """
            INSERT INTO backend_special_price (customer_code, product_code, price, discount, loaded_at)
            VALUES (?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE backend_special_price SET price = ?, discount = ?, loaded_at = ?
            WHERE customer_code = ? AND product_code = ?
            """;

    /**
     * Remembers what the back-end says of a price now; returns whether that differs from what it
     * said the last time (true for a price it never gave before).
     */
    public boolean loaded(Connection c, String customerCode, String productCode, BigDecimal price, BigDecimal discount,
                          Instant at) throws SQLException {
        BigDecimal[] last = null;
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, customerCode);
            s.setString(2, productCode);
            try (ResultSet rows = s.executeQuery()) {
                if (rows.next()) {
                    last = new BigDecimal[] {rows.getBigDecimal(1), rows.getBigDecimal(2)};
                }
            }
        }
        if (last != null && last[0].compareTo(price) == 0 && last[1].compareTo(discount) == 0) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement(last == null ? INSERT : UPDATE)) {
            int i = 1;
            if (last == null) {
                s.setString(i++, customerCode);
                s.setString(i++, productCode);
            }
            s.setBigDecimal(i++, price);
            s.setBigDecimal(i++, discount);
            UtcTimestamps.set(s, i++, at);
            if (last != null) {
                s.setString(i++, customerCode);
                s.setString(i, productCode);
            }
            s.executeUpdate();
        }
        return true;
    }
}
