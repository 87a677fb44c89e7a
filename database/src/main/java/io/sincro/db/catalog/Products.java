package io.sincro.db.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.UtcTimestamps;

/** The product table. */
public final class Products {

    private static final String SELECT_ONE = """
            SELECT code, description, unit, vat_rate, active FROM product WHERE code = ?
            """;
    private static final String COUNT = "SELECT COUNT(*) FROM product";
    private static final String INSERT = """
            INSERT INTO product (code, description, unit, vat_rate, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE product SET description = ?, unit = ?, vat_rate = ?, active = ?, updated_at = ? WHERE code = ?
            """;

    public Optional<Product> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Product(rows.getString("code"), rows.getString("description"),
                        rows.getString("unit"), rows.getBigDecimal("vat_rate"), rows.getBoolean("active")));
            }
        }
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Inserts the product, or updates it where it differs (only then is updated_at moved). */
    public Change save(Connection c, Product product, Instant now) throws SQLException {
        Optional<Product> existing = find(c, product.code());
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, product.code());
                s.setString(2, product.description());
                s.setString(3, product.unit());
                s.setBigDecimal(4, product.vatRate());
                s.setBoolean(5, product.active());
                UtcTimestamps.set(s, 6, now);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        if (existing.get().sameAs(product)) {
            return Change.UNCHANGED;
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, product.description());
            s.setString(2, product.unit());
            s.setBigDecimal(3, product.vatRate());
            s.setBoolean(4, product.active());
            UtcTimestamps.set(s, 5, now);
            s.setString(6, product.code());
            s.executeUpdate();
        }
        return Change.UPDATED;
    }
}
