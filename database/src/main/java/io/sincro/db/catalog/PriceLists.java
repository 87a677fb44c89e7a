package io.sincro.db.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

/** The price_list and price_list_row tables. */
public final class PriceLists {

    private static final String SELECT_LIST = "SELECT code, description FROM price_list WHERE code = ?";
    private static final String SELECT_LISTS = "SELECT code, description FROM price_list ORDER BY code";
    private static final String SELECT_LISTS_SINCE = """
            SELECT code, description FROM price_list WHERE change_seq > ? ORDER BY code
            """;
    private static final String INSERT_LIST = """
            INSERT INTO price_list (code, description, updated_at, change_seq) VALUES (?, ?, ?, ?)
            """;
    private static final String UPDATE_LIST = """
            UPDATE price_list SET description = ?, updated_at = ?, change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE code = ?
            """;
    private static final String SELECT_PRICE = """
            SELECT price FROM price_list_row WHERE price_list_code = ? AND product_code = ?
            """;
    private static final String SELECT_PRICES = """
            SELECT product_code, price FROM price_list_row WHERE price_list_code = ? AND product_code = ?
            """;
    private static final String SELECT_ROWS_SINCE = """
            SELECT price_list_code, product_code, price FROM price_list_row WHERE change_seq > ?
            ORDER BY price_list_code, product_code
            """;
    private static final String INSERT_ROW = """
            INSERT INTO price_list_row (price_list_code, product_code, price, updated_at, change_seq) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String UPDATE_ROW = """
            UPDATE price_list_row SET price = ?, updated_at = ?, change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE price_list_code = ? AND product_code = ?
            """;
    private static final String PRODUCTS_OF = """
            SELECT product_code FROM price_list_row WHERE price_list_code = ? ORDER BY product_code
            """;
    private static final String DELETE_ROW = """
            DELETE FROM price_list_row WHERE price_list_code = ? AND product_code = ?
            """;
    /** Rows a batch of ordinary inserts holds at most. */
    private static final int BATCH = 1000;
    private static final String ANY_ROW = "SELECT 1 FROM price_list_row FETCH FIRST ROW ONLY";
    private static final String LOAD_ROWS = """
            INSERT INTO price_list_row (price_list_code, product_code, price, updated_at, change_seq)
            SELECT r.price_list_code, r.product_code, r.price, ?, ? FROM TABLE (sincro_price_list_row_rows()) r
            """;
    private static final String ROWS_IN_KEY_ORDER = """
            SELECT price_list_code, product_code, price FROM price_list_row WHERE price_list_code >= ?
            ORDER BY price_list_code, product_code
            """;

    private final ChangeSequence changes = new ChangeSequence();
    private final Tombstones tombstones = new Tombstones();

    public Optional<PriceList> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_LIST)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new PriceList(rows.getString(1), rows.getString(2))) : Optional.empty();
            }
        }
    }

    public List<PriceList> all(Connection c) throws SQLException {
        List<PriceList> lists = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_LISTS); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                lists.add(new PriceList(rows.getString(1), rows.getString(2)));
            }
        }
        return lists;
    }

    /** The price lists whose last local change is above {@code afterSeq} (-1: all), by code. */
    public void listsChangedSince(Connection c, long afterSeq, RowConsumer<PriceList> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_LISTS_SINCE)) {
            s.setLong(1, afterSeq);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new PriceList(rows.getString(1), rows.getString(2)));
                }
            }
        }
    }

    /** The price list rows whose last local change is above {@code afterSeq} (-1: all), in key order. */
    public void rowsChangedSince(Connection c, long afterSeq, RowConsumer<PriceListRow> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ROWS_SINCE)) {
            s.setLong(1, afterSeq);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new PriceListRow(rows.getString(1), rows.getString(2), rows.getBigDecimal(3)));
                }
            }
        }
    }

    public Change save(Connection c, PriceList list, Instant now) throws SQLException {
        return save(c, list, now, ChangeSource.LOCAL);
    }

    /** Inserts or updates a price list, for a change from {@code source}. */
    public Change save(Connection c, PriceList list, Instant now, ChangeSource source) throws SQLException {
        Optional<PriceList> existing = find(c, list.code());
        if (existing.isPresent() && existing.get().equals(list)) {
            return Change.UNCHANGED;
        }
        long stamp = changes.stampFor(c, source);
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_LIST)) {
                s.setString(1, list.code());
                s.setString(2, list.description());
                UtcTimestamps.set(s, 3, now);
                s.setLong(4, stamp);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE_LIST)) {
            s.setString(1, list.description());
            UtcTimestamps.set(s, 2, now);
            s.setLong(3, stamp);
            s.setLong(4, stamp);
            s.setString(5, list.code());
            s.executeUpdate();
        }
        return Change.UPDATED;
    }

    /** The price in list {@code priceListCode} of each of {@code productCodes} it has, by product: one statement prepared for all. */
    public Map<String, BigDecimal> prices(Connection c, String priceListCode, Collection<String> productCodes)
            throws SQLException {
        Map<String, BigDecimal> found = new HashMap<>();
        ManyKeys.eachOne(c, SELECT_PRICES, List.of(priceListCode), productCodes,
                rows -> found.put(rows.getString(1), rows.getBigDecimal(2)));
        return found;
    }

    public Optional<BigDecimal> price(Connection c, String priceListCode, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_PRICE)) {
            s.setString(1, priceListCode);
            s.setString(2, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** Inserts the row, or updates its price when it differs. */
    public Change save(Connection c, PriceListRow row, Instant now) throws SQLException {
        return save(c, row, now, ChangeSource.LOCAL);
    }

    /** As {@link #save(Connection, PriceListRow, Instant)}, for a change from {@code source}. */
    public Change save(Connection c, PriceListRow row, Instant now, ChangeSource source) throws SQLException {
        Optional<BigDecimal> existing = price(c, row.priceListCode(), row.productCode());
        if (existing.isPresent() && existing.get().compareTo(row.price()) == 0) {
            return Change.UNCHANGED;
        }
        long stamp = changes.stampFor(c, source);
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_ROW)) {
                s.setString(1, row.priceListCode());
                s.setString(2, row.productCode());
                s.setBigDecimal(3, row.price());
                UtcTimestamps.set(s, 4, now);
                s.setLong(5, stamp);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        updatePrice(c, row, now, stamp);
        return Change.UPDATED;
    }

    /**
     * Sets the price of a row the list holds, with the statement {@link #save} updates a row with,
     * stamped with change number {@code stamp}, which the caller took for many rows (see
     * {@code SharedStamp}). Returns whether the list held the row.
     */
    public boolean updatePrice(Connection c, PriceListRow row, Instant now, long stamp) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE_ROW)) {
            s.setBigDecimal(1, row.price());
            UtcTimestamps.set(s, 2, now);
            s.setLong(3, stamp);
            s.setLong(4, stamp);
            s.setString(5, row.priceListCode());
            s.setString(6, row.productCode());
            return s.executeUpdate() == 1;
        }
    }

    /** Whether the price_list_row table has no rows at all. */
    public boolean noRows(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY_ROW);
    }

    /**
     * Loads price lists that arrived into an empty table; a code already there fails the statement.
     * Price lists are a handful, so they go in as ordinary rows, in batches: a bulk insert
     * ({@link BulkLoad}) would cost some 20 ms for two of them, making the table's and its index's
     * files anew and forcing each to disk, where an ordinary row costs a fraction of a millisecond.
     *
     * @return how many were loaded
     */
    public long loadLists(Connection c, Iterator<PriceList> lists, Instant now) throws SQLException {
        long loaded = 0;
        try (PreparedStatement s = c.prepareStatement(INSERT_LIST)) {
            while (lists.hasNext()) {
                PriceList list = lists.next();
                s.setString(1, list.code());
                s.setString(2, list.description());
                UtcTimestamps.set(s, 3, now);
                s.setLong(4, 0);
                s.addBatch();
                if (++loaded % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        return loaded;
    }

    /**
     * Loads price list rows that arrived into an empty table, in one bulk insert (see {@link BulkLoad});
     * a row already there fails the statement.
     *
     * @return how many were loaded
     */
    public long loadRows(Connection c, Iterator<PriceListRow> rows, Instant now) throws SQLException {
        return loadRows(c, rows, now, 0);
    }

    /**
     * As {@link #loadRows(Connection, Iterator, Instant)}, each row stamped with change number
     * {@code stamp} (0: received, not a local change). Into a table that is not empty it is one
     * ordinary insert statement: the rows must be new, their lists there.
     */
    public long loadRows(Connection c, Iterator<PriceListRow> rows, Instant now, long stamp) throws SQLException {
        return BulkLoad.insert(c, LOAD_ROWS, s -> {
            UtcTimestamps.set(s, 1, now);
            s.setLong(2, stamp);
        }, rows, (row, column) ->
                switch (column) {
                    case 1 -> row.priceListCode();
                    case 2 -> row.productCode();
                    default -> row.price();
                });
    }

    /** The rows of the lists from {@code fromList} on, by list and product, read as the caller walks them. */
    public RowCursor<PriceListRow> rowsInKeyOrder(Connection c, String fromList) throws SQLException {
        return RowCursor.open(c, ROWS_IN_KEY_ORDER, s -> s.setString(1, fromList),
                rows -> new PriceListRow(rows.getString(1), rows.getString(2), rows.getBigDecimal(3)));
    }

    /** The products the list prices. */
    public List<String> productsOf(Connection c, String priceListCode) throws SQLException {
        List<String> products = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(PRODUCTS_OF)) {
            s.setString(1, priceListCode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    products.add(rows.getString(1));
                }
            }
        }
        return products;
    }

    /** Removes one row of a list; {@code now} is when, for the deletion to reach the agents. */
    public void removeRow(Connection c, String priceListCode, String productCode, Instant now) throws SQLException {
        removeRow(c, priceListCode, productCode, now, ChangeSource.LOCAL);
    }

    /**
     * Removes one row of a list; a local removal records a deletion that every agent receives with
     * the shared catalog. Returns whether the row existed.
     */
    public boolean removeRow(Connection c, String priceListCode, String productCode, Instant now, ChangeSource source)
            throws SQLException {
        if (price(c, priceListCode, productCode).isEmpty()) {
            return false;
        }
        if (source == ChangeSource.LOCAL) {
            // the counter first, then the row: the lock order every writer keeps
            tombstones.record(c, Tombstone.Kind.PRICE_LIST_ROW, priceListCode, productCode, Tombstone.CATALOG, now,
                    Station.HEAD_OFFICE_SERIES, source);
        }
        try (PreparedStatement s = c.prepareStatement(DELETE_ROW)) {
            s.setString(1, priceListCode);
            s.setString(2, productCode);
            return s.executeUpdate() == 1;
        }
    }
}
