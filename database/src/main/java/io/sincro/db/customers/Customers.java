package io.sincro.db.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.BulkLoad;
import io.sincro.db.Change;
import io.sincro.db.ManyKeys;
import io.sincro.db.Origin;
import io.sincro.db.RowConsumer;
import io.sincro.db.RowCursor;
import io.sincro.db.Station;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.AgentChanges;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;

/**
 * The customer table. Writes made here ({@link ChangeSource#LOCAL}) are stamped with a change number
 * so they reach the other side; reassigning a customer away from an agent records a deletion for
 * that agent.
 */
public final class Customers {

    static final String COLUMNS = """
            code, name, vat_number, address, city, email, phone, agent_code, price_list_code, origin, created_at""";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer WHERE code = ?";
    private static final String SELECT_NAMES = ManyKeys.in("SELECT code, name FROM customer WHERE code IN ({keys})");
    private static final String CODES = "SELECT code FROM customer";
    private static final String SELECT_OF_AGENT_SINCE = "SELECT " + COLUMNS
            + " FROM customer WHERE agent_code = ? AND change_seq > ? ORDER BY code";
    private static final String LATEST_OF_AGENTS_SINCE = """
            SELECT agent_code, MAX(change_seq) FROM customer WHERE change_seq > ? GROUP BY agent_code
            """;
    private static final String SELECT_AGENT_CREATED_SINCE = "SELECT " + COLUMNS
            + " FROM customer WHERE origin = 'AGENT' AND change_seq > ? ORDER BY code";
    private static final String SELECT_CODES_LIKE = "SELECT code FROM customer WHERE code LIKE ?";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM customer ORDER BY name, code";
    // A station holds one agent's customers (hundreds, not millions): a scan is fine here.
    private static final String SEARCH = "SELECT " + COLUMNS + """
             FROM customer
            WHERE LOCATE(?, UPPER(code)) > 0 OR LOCATE(?, UPPER(name)) > 0
               OR LOCATE(?, UPPER(COALESCE(city, ''))) > 0 OR LOCATE(?, COALESCE(vat_number, '')) > 0
            ORDER BY name, code
            """;
    private static final String SELECT_BY_VAT = "SELECT " + COLUMNS + " FROM customer WHERE vat_number = ? ORDER BY code";
    private static final String INSERT = """
            INSERT INTO customer (code, name, vat_number, address, city, email, phone, agent_code,
                                  price_list_code, origin, created_at, updated_at, change_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE customer SET name = ?, vat_number = ?, address = ?, city = ?, email = ?, phone = ?,
                                agent_code = ?, price_list_code = ?, updated_at = ?,
                                change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE code = ?
            """;
    private static final String RELEASE = "UPDATE customer SET agent_code = NULL, updated_at = ? WHERE code = ?";
    private static final String DELETE = "DELETE FROM customer WHERE code = ?";
    private static final String AGENTS_OF = ManyKeys.in("SELECT code, agent_code FROM customer WHERE code IN ({keys})");
    private static final String RESTAMP_SPECIAL_PRICES = "UPDATE special_price SET change_seq = ? WHERE customer_code = ?";
    private static final String ANY = "SELECT 1 FROM customer FETCH FIRST ROW ONLY";
    private static final String IN_CODE_ORDER = "SELECT " + COLUMNS + " FROM customer WHERE code >= ? ORDER BY code";
    // the table function of migration 19
    private static final String LOAD = """
            INSERT INTO customer (code, name, vat_number, address, city, email, phone, agent_code,
                                  price_list_code, origin, created_at, updated_at, change_seq)
            SELECT r.code, r.name, r.vat_number, r.address, r.city, r.email, r.phone, r.agent_code,
                   r.price_list_code, ?, ?, ?, ? FROM TABLE (sincro_customer_rows()) r
            """;

    private final ChangeSequence changes = new ChangeSequence();
    private final Tombstones tombstones = new Tombstones();

    /** Every customer's code. */
    public Set<String> codes(Connection c) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(CODES); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    /** Whether the customer table has no rows at all. */
    public boolean isEmpty(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY);
    }

    /** The customers from code {@code from} on, in code order, read as the caller walks them. */
    public RowCursor<Customer> inCodeOrder(Connection c, String from) throws SQLException {
        return RowCursor.open(c, IN_CODE_ORDER, s -> s.setString(1, from), Customers::read);
    }

    /**
     * Inserts new customers of the head office's own in one statement (see {@link BulkLoad}: into an
     * empty table, Derby's bulk insert), created {@code now} and stamped with change number
     * {@code stamp}, as {@link #save} would insert them one by one; a code already there fails the
     * statement. Origin and creation time of the rows given are not read.
     *
     * @return how many were inserted
     */
    public long load(Connection c, Iterator<Customer> customers, Instant now, long stamp) throws SQLException {
        return BulkLoad.insert(c, LOAD, s -> {
            s.setString(1, Origin.HEAD_OFFICE.name());
            UtcTimestamps.set(s, 2, now);
            UtcTimestamps.set(s, 3, now);
            s.setLong(4, stamp);
        }, customers, (customer, column) ->
                switch (column) {
                    case 1 -> customer.code();
                    case 2 -> customer.name();
                    case 3 -> customer.vatNumber();
                    case 4 -> customer.address();
                    case 5 -> customer.city();
                    case 6 -> customer.email();
                    case 7 -> customer.phone();
                    case 8 -> customer.agentCode();
                    default -> customer.priceListCode();
                });
    }

    /** The name of each of {@code codes} that is a customer, by code: one statement for many. */
    public Map<String, String> names(Connection c, Collection<String> codes) throws SQLException {
        Map<String, String> names = new HashMap<>();
        ManyKeys.each(c, SELECT_NAMES, List.of(), codes, rows -> names.put(rows.getString(1), rows.getString(2)));
        return names;
    }

    /**
     * The agent each of {@code codes} is assigned to (empty: to none), in a few queries; a code with
     * no customer is left out.
     */
    public Map<String, Optional<String>> agentsOf(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Optional<String>> agents = new HashMap<>();
        ManyKeys.each(c, AGENTS_OF, List.of(), codes,
                rows -> agents.put(rows.getString(1), Optional.ofNullable(rows.getString(2))));
        return agents;
    }

    public Optional<Customer> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Every customer in this database, by name. */
    public List<Customer> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL)) {
            return readAll(s);
        }
    }

    /** Customers whose code, name, city or VAT number holds {@code text}, ignoring case, by name. */
    public List<Customer> search(Connection c, String text) throws SQLException {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        try (PreparedStatement s = c.prepareStatement(SEARCH)) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, upper);
            }
            return readAll(s);
        }
    }

    /** Customers with exactly this VAT number as stored. */
    public List<Customer> withVatNumber(Connection c, String vatNumber) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_BY_VAT)) {
            s.setString(1, vatNumber);
            return readAll(s);
        }
    }

    /**
     * The customers assigned to {@code agentCode} whose last local change is above {@code afterSeq}
     * (-1: all of them, received ones included), in code order.
     */
    public void ofAgentChangedSince(Connection c, String agentCode, long afterSeq, RowConsumer<Customer> consumer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_AGENT_SINCE)) {
            s.setString(1, agentCode);
            s.setLong(2, afterSeq);
            stream(s, consumer);
        }
    }

    /**
     * {@link #ofAgentChangedSince} for every agent at once: each agent's highest change number among
     * its customers changed above {@code afterSeq}.
     */
    public AgentChanges changesOfAgentsSince(Connection c, long afterSeq) throws SQLException {
        return AgentChanges.of(c, LATEST_OF_AGENTS_SINCE, s -> s.setLong(1, afterSeq));
    }

    /** The customers an agent station created whose last local change is above {@code afterSeq}. */
    public void createdByAgentChangedSince(Connection c, long afterSeq, RowConsumer<Customer> consumer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_AGENT_CREATED_SINCE)) {
            s.setLong(1, afterSeq);
            stream(s, consumer);
        }
    }

    /** The highest number in {@code agentCode}'s own series of customer codes, 0 when none. */
    public long highestInSeries(Connection c, String agentCode) throws SQLException {
        long highest = 0;
        try (PreparedStatement s = c.prepareStatement(SELECT_CODES_LIKE)) {
            s.setString(1, agentCode + "-%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    highest = Math.max(highest, CustomerCodes.numberIn(agentCode, rows.getString(1)).orElse(0));
                }
            }
        }
        return highest;
    }

    /** Inserts a customer created at this station. */
    public void insert(Connection c, Customer customer) throws SQLException {
        insert(c, customer, ChangeSource.LOCAL);
    }

    /** Inserts a customer; {@code source} says whether it was created here or received. */
    public void insert(Connection c, Customer customer, ChangeSource source) throws SQLException {
        long stamp = changes.stampFor(c, source);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, customer.code());
            s.setString(2, customer.name());
            s.setString(3, customer.vatNumber());
            s.setString(4, customer.address());
            s.setString(5, customer.city());
            s.setString(6, customer.email());
            s.setString(7, customer.phone());
            s.setString(8, customer.agentCode());
            s.setString(9, customer.priceListCode());
            s.setString(10, customer.origin().name());
            UtcTimestamps.set(s, 11, customer.createdAt());
            UtcTimestamps.set(s, 12, customer.createdAt());
            s.setLong(13, stamp);
            s.executeUpdate();
        }
    }

    /**
     * Inserts the customer, or updates its master data where it differs; an existing customer keeps
     * its origin and creation time. A local change that takes the customer away from its agent
     * records a deletion for that agent and re-stamps the customer's special prices, so the agent
     * loses them and the new agent receives them.
     */
    public Change save(Connection c, Customer customer, Instant now) throws SQLException {
        return save(c, customer, now, ChangeSource.LOCAL);
    }

    /** As {@link #save(Connection, Customer, Instant)}, for a change from {@code source}. */
    public Change save(Connection c, Customer customer, Instant now, ChangeSource source) throws SQLException {
        Optional<Customer> existing = find(c, customer.code());
        if (existing.isEmpty()) {
            insert(c, customer, source);
            return Change.INSERTED;
        }
        if (existing.get().sameDataAs(customer)) {
            return Change.UNCHANGED;
        }
        long stamp = changes.stampFor(c, source);
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, customer.name());
            s.setString(2, customer.vatNumber());
            s.setString(3, customer.address());
            s.setString(4, customer.city());
            s.setString(5, customer.email());
            s.setString(6, customer.phone());
            s.setString(7, customer.agentCode());
            s.setString(8, customer.priceListCode());
            UtcTimestamps.set(s, 9, now);
            s.setLong(10, stamp);
            s.setLong(11, stamp);
            s.setString(12, customer.code());
            s.executeUpdate();
        }
        String formerAgent = existing.get().agentCode();
        if (source == ChangeSource.LOCAL && formerAgent != null && !formerAgent.equals(customer.agentCode())) {
            tombstones.record(c, Tombstone.Kind.CUSTOMER, customer.code(), null, formerAgent, now,
                    Station.HEAD_OFFICE_SERIES, ChangeSource.LOCAL);
            try (PreparedStatement s = c.prepareStatement(RESTAMP_SPECIAL_PRICES)) {
                s.setLong(1, stamp);
                s.setString(2, customer.code());
                s.executeUpdate();
            }
        }
        return Change.UPDATED;
    }

    private static List<Customer> readAll(PreparedStatement s) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                customers.add(read(rows));
            }
        }
        return customers;
    }

    /**
     * Detaches a customer from its agent without deleting it: an agent station keeps a customer
     * that was reassigned away while its orders still refer to it.
     */
    public void release(Connection c, String code, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RELEASE)) {
            UtcTimestamps.set(s, 1, now);
            s.setString(2, code);
            s.executeUpdate();
        }
    }

    /** Deletes a customer that nothing refers to any more; returns whether it existed. */
    public boolean delete(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, code);
            return s.executeUpdate() == 1;
        }
    }

    private static void stream(PreparedStatement s, RowConsumer<Customer> consumer) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                consumer.accept(read(rows));
            }
        }
    }

    static Customer read(ResultSet rows) throws SQLException {
        return new Customer(
                rows.getString("code"),
                rows.getString("name"),
                rows.getString("vat_number"),
                rows.getString("address"),
                rows.getString("city"),
                rows.getString("email"),
                rows.getString("phone"),
                rows.getString("agent_code"),
                rows.getString("price_list_code"),
                Origin.valueOf(rows.getString("origin")),
                UtcTimestamps.get(rows, "created_at"));
    }
}
