package io.sincro.db.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.sincro.db.BulkLoad;
import io.sincro.db.RowCursor;
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

    private static final String ANY = "SELECT 1 FROM backend_special_price FETCH FIRST ROW ONLY";
    private static final String IN_KEY_ORDER = """
            SELECT customer_code, product_code, price, discount FROM backend_special_price
            WHERE customer_code >= ? ORDER BY customer_code, product_code
            """;
    // the prices a bulk load just inserted, stamped with its own change number
    private static final String LOAD_STAMPED = """
            INSERT INTO backend_special_price (customer_code, product_code, price, discount, loaded_at)
            SELECT customer_code, product_code, price, discount, ? FROM special_price
            WHERE customer_code BETWEEN ? AND ? AND change_seq = ?
            """;

    /** What the back-end said of the price the last time it gave it, if it ever did. */
    public Optional<BackEndPrice> find(Connection c, String customerCode, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, customerCode);
            s.setString(2, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new BackEndPrice(customerCode, productCode, rows.getBigDecimal(1),
                        rows.getBigDecimal(2))) : Optional.empty();
            }
        }
    }

    /** Whether the back-end never gave a special price. */
    public boolean isEmpty(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY);
    }

    /** The prices from customer {@code fromCustomer} on, by customer and product, read as the caller walks them. */
    public RowCursor<BackEndPrice> inKeyOrder(Connection c, String fromCustomer) throws SQLException {
        return RowCursor.open(c, IN_KEY_ORDER, s -> s.setString(1, fromCustomer), rows -> new BackEndPrice(
                rows.getString(1), rows.getString(2), rows.getBigDecimal(3), rows.getBigDecimal(4)));
    }

    /**
     * Remembers, in one statement, that the back-end gave the special prices of customers
     * {@code fromCustomer} to {@code toCustomer} stamped with change number {@code stamp} (those a
     * load of its file just inserted, with {@code SpecialPrices.load}), loaded {@code at}; a price it
     * gave before fails the statement.
     *
     * @return how many were stored
     */
    public long loadStamped(Connection c, long stamp, String fromCustomer, String toCustomer, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOAD_STAMPED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, fromCustomer);
            s.setString(3, toCustomer);
            s.setLong(4, stamp);
            return s.executeLargeUpdate();
        }
    }

    /**
     * Remembers what the back-end says of a price now, for a price whose last version from the
     * back-end (if it ever gave one) differs: one update, or an insert when it never gave the price.
     */
    public void remember(Connection c, String customerCode, String productCode, BigDecimal price, BigDecimal discount,
                         Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setBigDecimal(1, price);
            s.setBigDecimal(2, discount);
            UtcTimestamps.set(s, 3, at);
            s.setString(4, customerCode);
            s.setString(5, productCode);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, customerCode);
            s.setString(2, productCode);
            s.setBigDecimal(3, price);
            s.setBigDecimal(4, discount);
            UtcTimestamps.set(s, 5, at);
            s.executeUpdate();
        }
    }
}
