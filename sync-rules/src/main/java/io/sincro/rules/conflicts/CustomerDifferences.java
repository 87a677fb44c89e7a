package io.sincro.rules.conflicts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.sincro.db.UtcTimestamps;

/**
 * The customer_difference table: the fields of a customer that arrived from the other side with
 * data different from this station's, which were not taken (customer updates are not propagated),
 * so a person can see which customer and which fields, and decide. The last version sent replaces
 * the one before; a version that arrives the same as this station's clears them.
 */
public final class CustomerDifferences {

    /** One field that differs: its value here and the one the other side sent, who sent it, in which package, when. */
    public record Field(String customerCode, String name, String here, String arrived, String sentBy,
                        String packageName, Instant arrivedAt) {
    }

    private static final int MAX_VALUE = 254;
    private static final String DELETE = "DELETE FROM customer_difference WHERE customer_code = ?";
    private static final String INSERT = """
            INSERT INTO customer_difference (customer_code, field, here_value, arrived_value, sent_by, package_name,
                                             arrived_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String SELECT_OF = """
            SELECT customer_code, field, here_value, arrived_value, sent_by, package_name, arrived_at
            FROM customer_difference WHERE customer_code = ? ORDER BY field
            """;
    private static final String SELECT_CODES = "SELECT DISTINCT customer_code FROM customer_difference";

    /** Replaces what is known of the customer's differing fields with {@code fields} (none: they agree now). */
    public void record(Connection c, String customerCode, List<Field> fields) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, customerCode);
            s.executeUpdate();
        }
        if (fields.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Field f : fields) {
                s.setString(1, customerCode);
                s.setString(2, f.name());
                s.setString(3, cut(f.here()));
                s.setString(4, cut(f.arrived()));
                s.setString(5, f.sentBy());
                s.setString(6, f.packageName());
                UtcTimestamps.set(s, 7, f.arrivedAt());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The fields in which the other side's version of the customer differs, by field name. */
    public List<Field> of(Connection c, String customerCode) throws SQLException {
        List<Field> fields = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_OF)) {
            s.setString(1, customerCode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    fields.add(new Field(rows.getString("customer_code"), rows.getString("field"),
                            rows.getString("here_value"), rows.getString("arrived_value"), rows.getString("sent_by"),
                            rows.getString("package_name"), UtcTimestamps.get(rows, "arrived_at")));
                }
            }
        }
        return fields;
    }

    /** The codes of the customers with a differing version. */
    public List<String> customers(Connection c) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_CODES); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
