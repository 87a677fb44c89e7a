package io.sincro.db.prices;

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
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.AgentChanges;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.SharedStamp;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.db.changes.Tracked;

/**
 * The special_price table. Special prices are edited on both sides; which edit wins is decided by
 * the sync rules, which use {@link #findTracked} to tell a local edit the other side has not seen.
 */
public final class SpecialPrices {

    /** A special price's columns as the bulk loads of this table and of backend_special_price take them. */
    static final BulkLoad.Columns<SpecialPrice> LOAD_COLUMNS = (price, column) -> switch (column) {
        case 1 -> price.customerCode();
        case 2 -> price.productCode();
        case 3 -> price.price();
        case 4 -> price.discount();
        case 5 -> price.updatedAt();
        default -> price.updatedBy();
    };

    private static final String COLUMNS = "customer_code, product_code, price, discount, updated_at, updated_by";
    private static final String SELECT_ONE = "SELECT " + COLUMNS
            + " FROM special_price WHERE customer_code = ? AND product_code = ?";
    private static final String SELECT_TRACKED = "SELECT " + COLUMNS
            + ", change_seq FROM special_price WHERE customer_code = ? AND product_code = ?";
    private static final String SELECT_OF_CUSTOMER = "SELECT " + COLUMNS
            + " FROM special_price WHERE customer_code = ? ORDER BY product_code";
    private static final String SELECT_SINCE = "SELECT " + COLUMNS
            + " FROM special_price WHERE change_seq > ? ORDER BY customer_code, product_code";
    private static final String SELECT_OF_AGENT_SINCE = """
            SELECT sp.customer_code, sp.product_code, sp.price, sp.discount, sp.updated_at, sp.updated_by
            FROM special_price sp JOIN customer cu ON cu.code = sp.customer_code
            WHERE cu.agent_code = ? AND sp.change_seq > ?
            ORDER BY sp.customer_code, sp.product_code
            """;
    private static final String LATEST_OF_AGENTS_SINCE = """
            SELECT cu.agent_code, MAX(sp.change_seq) FROM special_price sp JOIN customer cu ON cu.code = sp.customer_code
            WHERE sp.change_seq > ? GROUP BY cu.agent_code
            """;
    private static final String AGENT_OF_CUSTOMER = "SELECT agent_code FROM customer WHERE code = ?";
    private static final String INSERT = "INSERT INTO special_price (" + COLUMNS
            + ", change_seq) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = """
            UPDATE special_price SET price = ?, discount = ?, updated_at = ?, updated_by = ?,
                                     change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE customer_code = ? AND product_code = ?
            """;
    private static final String RESTAMP = """
            UPDATE special_price SET change_seq = ? WHERE customer_code = ? AND product_code = ?
            """;
    private static final String DELETE = "DELETE FROM special_price WHERE customer_code = ? AND product_code = ?";
    private static final String ANY = "SELECT 1 FROM special_price FETCH FIRST ROW ONLY";
    private static final String LOAD = "INSERT INTO special_price (" + COLUMNS + ", change_seq)"
            + " SELECT r.customer_code, r.product_code, r.price, r.discount, r.updated_at, r.updated_by, ?"
            + " FROM TABLE (sincro_special_price_rows()) r";
    private static final String IN_KEY_ORDER = "SELECT " + COLUMNS
            + " FROM special_price WHERE customer_code >= ? ORDER BY customer_code, product_code";
    private static final String DELETE_OF_CUSTOMER = "DELETE FROM special_price WHERE customer_code = ?";

    private final ChangeSequence changes = new ChangeSequence();
    private final Tombstones tombstones = new Tombstones();

    public Optional<SpecialPrice> find(Connection c, String customerCode, String productCode) throws SQLException {
        // findTracked's statement: a sync that takes a price reads it with both, and Derby compiles one
        return findTracked(c, customerCode, productCode).map(Tracked::row);
    }

    /** The customer's special price of each of {@code productCodes} it has one for, by product: one statement prepared for all. */
    public Map<String, SpecialPrice> find(Connection c, String customerCode, Collection<String> productCodes)
            throws SQLException {
        Map<String, SpecialPrice> found = new HashMap<>();
        ManyKeys.eachOne(c, SELECT_ONE, List.of(customerCode), productCodes, rows -> {
            SpecialPrice price = read(rows);
            found.put(price.productCode(), price);
        });
        return found;
    }

    /** The price with the change number of its last local change (0: received or never changed here). */
    public Optional<Tracked<SpecialPrice>> findTracked(Connection c, String customerCode, String productCode)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_TRACKED)) {
            s.setString(1, customerCode);
            s.setString(2, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(new Tracked<>(read(rows), rows.getLong("change_seq"))) : Optional.empty();
            }
        }
    }

    public List<SpecialPrice> ofCustomer(Connection c, String customerCode) throws SQLException {
        List<SpecialPrice> prices = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_CUSTOMER)) {
            s.setString(1, customerCode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    prices.add(read(rows));
                }
            }
        }
        return prices;
    }

    /** The prices whose last local change is above {@code afterSeq} (-1: all), in key order. */
    public void changedSince(Connection c, long afterSeq, RowConsumer<SpecialPrice> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_SINCE)) {
            s.setLong(1, afterSeq);
            stream(s, consumer);
        }
    }

    /**
     * The prices of the customers assigned to {@code agentCode} whose last local change is above
     * {@code afterSeq} (-1: all), in key order.
     */
    public void ofAgentChangedSince(Connection c, String agentCode, long afterSeq, RowConsumer<SpecialPrice> consumer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_AGENT_SINCE)) {
            s.setString(1, agentCode);
            s.setLong(2, afterSeq);
            stream(s, consumer);
        }
    }

    /**
     * {@link #ofAgentChangedSince} for every agent at once: each agent's highest change number among
     * its customers' special prices changed above {@code afterSeq}.
     */
    public AgentChanges changesOfAgentsSince(Connection c, long afterSeq) throws SQLException {
        return AgentChanges.of(c, LATEST_OF_AGENTS_SINCE, s -> s.setLong(1, afterSeq));
    }

    /** The prices from customer {@code fromCustomer} on, by customer and product, read as the caller walks them. */
    public RowCursor<SpecialPrice> inKeyOrder(Connection c, String fromCustomer) throws SQLException {
        return RowCursor.open(c, IN_KEY_ORDER, s -> s.setString(1, fromCustomer), SpecialPrices::read);
    }

    /** Whether the special_price table has no rows at all. */
    public boolean isEmpty(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY);
    }

    /**
     * Loads special prices that arrived, each with its own stamp, into an empty table in one bulk
     * insert (see {@link BulkLoad}); a price already there fails the statement.
     *
     * @return how many were loaded
     */
    public long load(Connection c, Iterator<SpecialPrice> prices) throws SQLException {
        return load(c, prices, 0);
    }

    /**
     * As {@link #load(Connection, Iterator)}, each price stamped with change number {@code stamp}
     * (0: received, not a local change). Into a table that is not empty it is one ordinary insert
     * statement: the prices must be new.
     */
    public long load(Connection c, Iterator<SpecialPrice> prices, long stamp) throws SQLException {
        return BulkLoad.insert(c, LOAD, s -> s.setLong(1, stamp), prices, LOAD_COLUMNS);
    }

    /**
     * Stores the price as given, stamp included; an unchanged price and discount leave the row (and
     * its stamp) alone.
     */
    public Change save(Connection c, SpecialPrice price) throws SQLException {
        return save(c, price, ChangeSource.LOCAL);
    }

    /**
     * Stores the price. A local edit with the same price and discount changes nothing; a received
     * version is stored whenever anything differs, its stamp included, so both sides end up holding
     * the same version.
     *
     * <p>A local edit is stamped at least 1 ms after the version it replaces (the row, or the
     * price's deletion), whatever this station's clock says: it was made after seeing that version,
     * so it must win over it. This keeps every station's version of a price moving forward only,
     * which is what makes "the most recent change wins" converge even when clocks are wrong.
     */
    public Change save(Connection c, SpecialPrice price, ChangeSource source) throws SQLException {
        Optional<SpecialPrice> existing = find(c, price.customerCode(), price.productCode());
        if (existing.isPresent() && (source == ChangeSource.LOCAL
                ? existing.get().samePriceAs(price)
                : existing.get().samePriceAs(price) && sameStamp(existing.get(), price))) {
            return Change.UNCHANGED;
        }
        if (source == ChangeSource.LOCAL) {
            price = after(price, existing, latestDeletion(c, price.customerCode(), price.productCode()));
        }
        return write(c, price, existing.isPresent(), changes.stampFor(c, source));
    }

    /**
     * Stores a local edit as {@link #save(Connection, SpecialPrice)} does, for a caller that writes
     * many prices in one transaction as one change and knows what that save would read first: the
     * price's version ({@code existing}, from {@link #find}; empty when there is none) and its latest
     * deletion here ({@code deletedAt}, from {@link #latestDeletion}; empty when it never was
     * deleted). The write is stamped with the transaction's shared change number.
     */
    public Change save(Connection c, SpecialPrice price, Optional<SpecialPrice> existing, Optional<Instant> deletedAt,
                       SharedStamp stamp) throws SQLException {
        if (existing.isPresent() && existing.get().samePriceAs(price)) {
            return Change.UNCHANGED;
        }
        return write(c, after(price, existing, deletedAt), existing.isPresent(), stamp.take(c));
    }

    private static Change write(Connection c, SpecialPrice price, boolean exists, long stamp) throws SQLException {
        if (!exists) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, price.customerCode());
                s.setString(2, price.productCode());
                s.setBigDecimal(3, price.price());
                s.setBigDecimal(4, price.discount());
                UtcTimestamps.set(s, 5, price.updatedAt());
                s.setString(6, price.updatedBy());
                s.setLong(7, stamp);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setBigDecimal(1, price.price());
            s.setBigDecimal(2, price.discount());
            UtcTimestamps.set(s, 3, price.updatedAt());
            s.setString(4, price.updatedBy());
            s.setLong(5, stamp);
            s.setLong(6, stamp);
            s.setString(7, price.customerCode());
            s.setString(8, price.productCode());
            s.executeUpdate();
        }
        return Change.UPDATED;
    }

    /**
     * Gives the row a new change number without changing it, so a version that won against the
     * other side's travels back and the other side converges on it.
     */
    public void restamp(Connection c, String customerCode, String productCode) throws SQLException {
        long stamp = changes.next(c);
        try (PreparedStatement s = c.prepareStatement(RESTAMP)) {
            s.setLong(1, stamp);
            s.setString(2, customerCode);
            s.setString(3, productCode);
            s.executeUpdate();
        }
    }

    /**
     * Removes a customer's special price, at {@code deletedAt} by {@code deletedBy} (HQ or the agent's
     * code): a local removal records a deletion for the customer's agent, which competes with edits
     * on the other side like an edit does. Returns whether the price existed.
     */
    public boolean remove(Connection c, String customerCode, String productCode, Instant deletedAt, String deletedBy,
                          ChangeSource source) throws SQLException {
        Optional<SpecialPrice> existing = find(c, customerCode, productCode);
        if (existing.isEmpty()) {
            return false;
        }
        String agent = agentOf(c, customerCode);
        if (agent != null) {
            // like an edit, a local deletion comes after the version it removes
            Instant at = source == ChangeSource.LOCAL
                    ? after(deletedAt, existing, latestDeletion(c, customerCode, productCode)) : deletedAt;
            // the counter first, then the row: the lock order every writer keeps
            tombstones.record(c, Tombstone.Kind.SPECIAL_PRICE, customerCode, productCode, agent, at, deletedBy,
                    source);
        }
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, customerCode);
            s.setString(2, productCode);
            return s.executeUpdate() == 1;
        }
    }

    /** Removes every special price of a customer without recording deletions; returns how many. */
    public int removeAllOf(Connection c, String customerCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_OF_CUSTOMER)) {
            s.setString(1, customerCode);
            return s.executeUpdate();
        }
    }

    private static String agentOf(Connection c, String customerCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AGENT_OF_CUSTOMER)) {
            s.setString(1, customerCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** When this station last deleted the price, by its tombstone; empty when it never did. */
    public Optional<Instant> latestDeletion(Connection c, String customerCode, String productCode)
            throws SQLException {
        return tombstones.latest(c, Tombstone.Kind.SPECIAL_PRICE, customerCode, productCode).map(Tombstone::deletedAt);
    }

    /** The price stamped {@link #after} the versions it replaces. */
    private static SpecialPrice after(SpecialPrice price, Optional<SpecialPrice> existing, Optional<Instant> deletedAt) {
        return new SpecialPrice(price.customerCode(), price.productCode(), price.price(), price.discount(),
                after(price.updatedAt(), existing, deletedAt), price.updatedBy());
    }

    /** {@code wanted}, or 1 ms after the latest version of the price this station knows if that is later. */
    private static Instant after(Instant wanted, Optional<SpecialPrice> existing, Optional<Instant> deletedAt) {
        Instant latest = existing.map(SpecialPrice::updatedAt).orElse(Instant.MIN);
        if (deletedAt.isPresent() && deletedAt.get().isAfter(latest)) {
            latest = deletedAt.get();
        }
        return wanted.isAfter(latest) ? wanted : latest.plusMillis(1);
    }

    private static boolean sameStamp(SpecialPrice a, SpecialPrice b) {
        return a.updatedAt().equals(b.updatedAt()) && a.updatedBy().equals(b.updatedBy());
    }

    private static void stream(PreparedStatement s, RowConsumer<SpecialPrice> consumer) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                consumer.accept(read(rows));
            }
        }
    }

    static SpecialPrice read(ResultSet rows) throws SQLException {
        return new SpecialPrice(rows.getString("customer_code"), rows.getString("product_code"),
                rows.getBigDecimal("price"), rows.getBigDecimal("discount"),
                UtcTimestamps.get(rows, "updated_at"), rows.getString("updated_by"));
    }
}
