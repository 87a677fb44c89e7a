package io.sincro.db.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sincro.db.BulkLoad;
import io.sincro.db.Change;
import io.sincro.db.ManyKeys;
import io.sincro.db.RowConsumer;
import io.sincro.db.RowCursor;
import io.sincro.db.Station;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;

/** The stock table: availability per product. */
public final class Stock {

    private static final String SELECT = "SELECT quantity FROM stock WHERE product_code = ?";
    private static final String SELECT_MANY = ManyKeys.in(
            "SELECT product_code, quantity FROM stock WHERE product_code IN ({keys})");
    private static final String SELECT_UPDATED = "SELECT updated_at FROM stock WHERE product_code = ?";
    private static final String SELECT_SINCE = """
            SELECT product_code, quantity FROM stock WHERE change_seq > ? ORDER BY product_code
            """;
    private static final String INSERT = """
            INSERT INTO stock (product_code, quantity, updated_at, change_seq) VALUES (?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE stock SET quantity = ?, updated_at = ?, change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE product_code = ?
            """;
    private static final String DELETE = "DELETE FROM stock WHERE product_code = ?";
    private static final String ANY = "SELECT 1 FROM stock FETCH FIRST ROW ONLY";
    private static final String LOAD = """
            INSERT INTO stock (product_code, quantity, updated_at, change_seq)
            SELECT r.product_code, r.quantity, ?, ? FROM TABLE (sincro_stock_rows()) r
            """;
    private static final String IN_PRODUCT_ORDER = """
            SELECT product_code, quantity FROM stock WHERE product_code >= ? ORDER BY product_code
            """;

    private final ChangeSequence changes = new ChangeSequence();
    private final Tombstones tombstones = new Tombstones();

    public Optional<BigDecimal> quantity(Connection c, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** The quantity of each of {@code productCodes} with a stock row, by product: one statement for many. */
    public Map<String, BigDecimal> quantities(Connection c, Collection<String> productCodes) throws SQLException {
        Map<String, BigDecimal> found = new HashMap<>();
        ManyKeys.each(c, SELECT_MANY, List.of(), productCodes, rows -> found.put(rows.getString(1), rows.getBigDecimal(2)));
        return found;
    }

    /** When the head office last changed the product's availability, if it ever reported one. */
    public Optional<Instant> updatedAt(Connection c, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_UPDATED)) {
            s.setString(1, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(UtcTimestamps.get(rows, "updated_at")) : Optional.empty();
            }
        }
    }

    /** The stock levels whose last local change is above {@code afterSeq} (-1: all), by product. */
    public void changedSince(Connection c, long afterSeq, RowConsumer<StockLevel> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_SINCE)) {
            s.setLong(1, afterSeq);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new StockLevel(rows.getString(1), rows.getBigDecimal(2)));
                }
            }
        }
    }

    /** The levels from product {@code from} on, by product, read as the caller walks them. */
    public RowCursor<StockLevel> inProductOrder(Connection c, String from) throws SQLException {
        return RowCursor.open(c, IN_PRODUCT_ORDER, s -> s.setString(1, from),
                rows -> new StockLevel(rows.getString(1), rows.getBigDecimal(2)));
    }

    /** Whether the stock table has no rows at all. */
    public boolean isEmpty(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY);
    }

    /**
     * Loads stock levels that arrived into an empty table, in one bulk insert (see {@link BulkLoad});
     * a product's level already there fails the statement.
     *
     * @return how many were loaded
     */
    public long load(Connection c, Iterator<StockLevel> levels, Instant now) throws SQLException {
        return load(c, levels, now, 0);
    }

    /**
     * As {@link #load(Connection, Iterator, Instant)}, each level stamped with change number
     * {@code stamp} (0: received, not a local change). Into a table that is not empty it is one
     * ordinary insert statement: the products' levels must be new.
     */
    public long load(Connection c, Iterator<StockLevel> levels, Instant now, long stamp) throws SQLException {
        return BulkLoad.insert(c, LOAD, s -> {
            UtcTimestamps.set(s, 1, now);
            s.setLong(2, stamp);
        }, levels, (level, column) ->
                column == 1 ? level.productCode() : level.quantity());
    }

    public Change save(Connection c, StockLevel level, Instant now) throws SQLException {
        return save(c, level, now, ChangeSource.LOCAL);
    }

    /** Inserts or updates a level, for a change from {@code source}. */
    public Change save(Connection c, StockLevel level, Instant now, ChangeSource source) throws SQLException {
        Optional<BigDecimal> existing = quantity(c, level.productCode());
        if (existing.isPresent() && existing.get().compareTo(level.quantity()) == 0) {
            return Change.UNCHANGED;
        }
        long stamp = changes.stampFor(c, source);
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, level.productCode());
                s.setBigDecimal(2, level.quantity());
                UtcTimestamps.set(s, 3, now);
                s.setLong(4, stamp);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        updateQuantity(c, level, now, stamp);
        return Change.UPDATED;
    }

    /**
     * Sets the quantity of a product the table holds a level for, with the statement {@link #save}
     * updates a level with, stamped with change number {@code stamp}, which the caller took for many
     * levels (see {@code SharedStamp}). Returns whether the table held the level.
     */
    public boolean updateQuantity(Connection c, StockLevel level, Instant now, long stamp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setBigDecimal(1, level.quantity());
            UtcTimestamps.set(s, 2, now);
            s.setLong(3, stamp);
            s.setLong(4, stamp);
            s.setString(5, level.productCode());
            return s.executeUpdate() == 1;
        }
    }

    /** Removes a product's stock row at the head office; the deletion reaches every agent. */
    public boolean remove(Connection c, String productCode, Instant now) throws SQLException {
        return remove(c, productCode, now, ChangeSource.LOCAL);
    }

    /** Removes a product's stock row; a local removal records a deletion for the shared catalog. */
    public boolean remove(Connection c, String productCode, Instant now, ChangeSource source) throws SQLException {
        if (quantity(c, productCode).isEmpty()) {
            return false;
        }
        if (source == ChangeSource.LOCAL) {
            // the counter first, then the row: the lock order every writer keeps
            tombstones.record(c, Tombstone.Kind.STOCK, productCode, null, Tombstone.CATALOG, now,
                    Station.HEAD_OFFICE_SERIES, source);
        }
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, productCode);
            return s.executeUpdate() == 1;
        }
    }
}
