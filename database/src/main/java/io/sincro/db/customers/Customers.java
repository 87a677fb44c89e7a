package io.sincro.db.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.UtcTimestamps;

/** The customer table. */
public final class Customers {

    private static final String COLUMNS = """
            code, name, vat_number, address, city, email, phone, agent_code, price_list_code, origin, created_at""";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM customer WHERE code = ?";
    private static final String SELECT_BY_AGENT = "SELECT " + COLUMNS + " FROM customer WHERE agent_code = ? ORDER BY code";
    private static final String SELECT_CODES_LIKE = "SELECT code FROM customer WHERE code LIKE ?";
    private static final String COUNT = "SELECT COUNT(*) FROM customer";
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
                                  price_list_code, origin, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE customer SET name = ?, vat_number = ?, address = ?, city = ?, email = ?, phone = ?,
                                agent_code = ?, price_list_code = ?, updated_at = ?
            WHERE code = ?
            """;

    public Optional<Customer> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<Customer> ofAgent(Connection c, String agentCode) throws SQLException {
        List<Customer> customers = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_BY_AGENT)) {
            s.setString(1, agentCode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    customers.add(read(rows));
                }
            }
        }
        return customers;
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

    public long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
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

    public void insert(Connection c, Customer customer) throws SQLException {
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
            s.executeUpdate();
        }
    }

    /**
     * Inserts the customer, or updates its master data where it differs; an existing customer keeps
     * its origin and creation time.
     */
    public Change save(Connection c, Customer customer, Instant now) throws SQLException {
        Optional<Customer> existing = find(c, customer.code());
        if (existing.isEmpty()) {
            insert(c, customer);
            return Change.INSERTED;
        }
        if (existing.get().sameDataAs(customer)) {
            return Change.UNCHANGED;
        }
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
            s.setString(10, customer.code());
            s.executeUpdate();
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

    private static Customer read(ResultSet rows) throws SQLException {
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
